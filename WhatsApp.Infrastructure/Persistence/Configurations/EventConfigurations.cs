using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WhatsApp.Domain.Events;

namespace WhatsApp.Infrastructure.Persistence.Configurations;

internal sealed class MessageEventConfiguration : IEntityTypeConfiguration<MessageEvent>
{
    public void Configure(EntityTypeBuilder<MessageEvent> builder)
    {
        builder.ToTable("Events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(40);
        builder.Property(e => e.Contact).HasMaxLength(StoredLengths.PhoneNumber);
        builder.Property(e => e.Sender).HasMaxLength(StoredLengths.PhoneNumber);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);

        // The fan-out's queue: events not fanned out yet, oldest first.
        builder.HasIndex(e => new { e.FannedOut, e.Id });
    }
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.MaxDescriptionLength);
        builder.Property(e => e.DisabledReason).HasMaxLength(200);
        builder.Property(e => e.Secret).HasMaxLength(100);
        builder.Property(e => e.PreviousSecret).HasMaxLength(100);
        builder.Property(e => e.EventTypes)
            .HasConversion(JsonColumnConverter.Create<IReadOnlyList<string>>()!, JsonColumnConverter.Comparer<IReadOnlyList<string>>()!);
        builder.Property(e => e.Senders)
            .HasConversion(JsonColumnConverter.Create<IReadOnlyList<string>>()!, JsonColumnConverter.Comparer<IReadOnlyList<string>>()!);
    }
}

internal sealed class EventDeliveryConfiguration : IEntityTypeConfiguration<EventDelivery>
{
    /// <summary>Shadow columns of the delivery lease: which instance holds a delivery, and until when.</summary>
    internal const string LeaseOwner = "LeaseOwner";
    internal const string LeaseExpiresAt = "LeaseExpiresAt";

    public void Configure(EntityTypeBuilder<EventDelivery> builder)
    {
        builder.ToTable("EventDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Contact).HasMaxLength(StoredLengths.PhoneNumber);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property<string?>(LeaseOwner).HasMaxLength(64);
        builder.Property<DateTime?>(LeaseExpiresAt);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MessageEvent>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);

        // One delivery of an event per endpoint, even when two instances fan it out; also an event's deliveries (the
        // purge of unneeded events, the cascade), so no index of its own for those.
        builder.HasIndex(d => new { d.EventId, d.EndpointId }).IsUnique();

        // The claim walks an endpoint's due deliveries in its own order (NextAttemptAt, Id) and stops at its limit; the
        // per-contact order check reads only the contact's earlier deliveries. The deliveries list by status.
        builder.HasIndex(d => new { d.EndpointId, d.Status, d.NextAttemptAt, d.Id });
        builder.HasIndex(d => new { d.EndpointId, d.Contact, d.Status, d.Id });
        builder.HasIndex(d => new { d.EndpointId, d.Status, d.Id });
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("DeliveryAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Error).HasMaxLength(DeliveryAttempt.MaxErrorLength);
        builder.Property(a => a.ResponseBody).HasMaxLength(DeliveryResult.MaxResponseBody);
        builder.HasOne<EventDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DeliveryId, a.AttemptedAt });
    }
}
