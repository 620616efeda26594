using Microsoft.EntityFrameworkCore;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>PostgreSQL, for several instances sharing one database; its migrations are in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresWhatsAppDbContext(DbContextOptions<PostgresWhatsAppDbContext> options) : WhatsAppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        // Several instances pace each sender number together; one SQLite instance paces in memory.
        builder.Entity<SenderPacingSlot>(slot =>
        {
            slot.ToTable("SenderPacing");
            slot.HasKey(s => s.Sender);
            slot.Property(s => s.Sender).HasMaxLength(20);
        });
        builder.Entity<SenderPermit>(permit =>
        {
            permit.ToTable("SenderPermits");
            permit.HasKey(p => new { p.Sender, p.Slot });
            permit.Property(p => p.Sender).HasMaxLength(20);
            permit.Property(p => p.Slot).ValueGeneratedNever();

            // The gate takes the slot that expired first, and waits for the one that expires next.
            permit.HasIndex(p => new { p.Sender, p.ExpiresAt });
        });

        // Text search keeps substring semantics at any size: a trigram index answers LIKE '%…%' (SQLite's is FTS5's
        // trigram table, made by its migration).
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Domain.Messages.Message>()
            .HasIndex(Configurations.MessageConfiguration.SearchText)
            .HasDatabaseName("IX_Messages_SearchText_Trigram")
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops");

        // Byte order, as SQLite compares text: keyset pages and unique keys must not depend on the server's locale.
        foreach (var property in builder.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Concat(e.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties())))
            .Where(p => p.ClrType == typeof(string) || p.GetProviderClrType() == typeof(string)))
        {
            property.SetCollation("C");
        }
    }
}
