using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence.Configurations;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Users;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// The model, shared by both providers. Each provider has its own derived context (<see cref="SqliteWhatsAppDbContext"/>,
/// <see cref="PostgresWhatsAppDbContext"/>) because EF Core keeps one migrations history per context type. The inbox's
/// users (ASP.NET Core Identity) live in the same database, so one migration run creates everything.
/// </summary>
public abstract class WhatsAppDbContext(DbContextOptions options) : IdentityUserContext<InboxUser>(options)
{
    public DbSet<Message> Messages => Set<Message>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<MessageStatusEvent> StatusEvents => Set<MessageStatusEvent>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<WebhookReceipt> WebhookReceipts => Set<WebhookReceipt>();

    internal DbSet<WebhookNonce> WebhookNonces => Set<WebhookNonce>();

    public DbSet<MessageEvent> Events => Set<MessageEvent>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<EventDelivery> EventDeliveries => Set<EventDelivery>();

    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();

    public DbSet<ConversationActivity> ConversationActivities => Set<ConversationActivity>();

    public DbSet<ConversationRead> ConversationReads => Set<ConversationRead>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WhatsAppDbContext).Assembly);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<Message>().Where(e => e.State == EntityState.Added))
        {
            entry.Property<string?>(MessageConfiguration.SearchText).CurrentValue = SearchTextOf(entry.Entity.Content.Text);
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>What history search compares against: the body lower-cased with full Unicode case mapping.</summary>
    public static string? SearchTextOf(string? body) => body?.ToLowerInvariant();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset in SQL; UTC DateTime text sorts correctly on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeConverter>();
    }
}
