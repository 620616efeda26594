using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WhatsApp.Domain.Contacts;

namespace WhatsApp.Infrastructure.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.HasKey(c => c.Number);
        builder.Property(c => c.Number).HasMaxLength(20);
        builder.Property(c => c.OurNumber).HasMaxLength(20);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.AssignedTo).HasMaxLength(256);

        // The conversation list: most recent activity first, keyset on (LastMessageAt, Number).
        builder.HasIndex(c => new { c.LastMessageAt, c.Number });
        builder.HasIndex(c => c.LastInboundAt);
    }
}
