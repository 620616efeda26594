using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Infrastructure.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    /// <summary>Shadow columns of the outbox lease: which dispatcher holds a message, and until when.</summary>
    internal const string LeaseOwner = "LeaseOwner";
    internal const string LeaseExpiresAt = "LeaseExpiresAt";

    /// <summary>Shadow column: the body lower-cased (full Unicode), for case-insensitive search in any script.</summary>
    internal const string SearchText = "SearchText";

    // Content (body, search text, media URL, the JSON columns) is unbounded text: a webhook is never refused for its length.
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.From).HasMaxLength(StoredLengths.PhoneNumber);
        builder.Property(m => m.To).HasMaxLength(StoredLengths.PhoneNumber);
        builder.Property(m => m.Contact).HasMaxLength(StoredLengths.PhoneNumber);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(StoredLengths.ProviderMessageId);
        builder.Property(m => m.ErrorCode).HasMaxLength(StoredLengths.ErrorCode);
        builder.Property(m => m.ClientName).HasMaxLength(100);
        builder.Property(m => m.SentBy).HasMaxLength(256);
        builder.Property(m => m.TemplateName).HasMaxLength(512);
        builder.Property<string?>(SearchText);
        builder.Property(m => m.Inbound)
            .HasConversion(JsonColumnConverter.Create<InboundDetails>(), JsonColumnConverter.Comparer<InboundDetails>());
        builder.Property(m => m.Conversation)
            .HasConversion(JsonColumnConverter.Create<ConversationInfo>(), JsonColumnConverter.Comparer<ConversationInfo>());
        builder.Property(m => m.Metadata)
            .HasConversion(
                JsonColumnConverter.Create<IReadOnlyDictionary<string, string>>()!, JsonColumnConverter.Comparer<IReadOnlyDictionary<string, string>>()!);
        builder.Property<string?>(LeaseOwner).HasMaxLength(64);
        builder.Property<DateTime?>(LeaseExpiresAt);

        builder.ComplexProperty(m => m.Content, content =>
        {
            content.Property(c => c.Text).HasColumnName("Body");
            content.Property(c => c.MediaUrl).HasColumnName("MediaUrl");
            content.Property(c => c.Template).HasColumnName("Template")
                .HasConversion(JsonColumnConverter.Create<TemplateContent>(), JsonColumnConverter.Comparer<TemplateContent>());
            content.Property(c => c.Interactive).HasColumnName("Interactive")
                .HasConversion(JsonColumnConverter.Create<InteractiveContent>(), JsonColumnConverter.Comparer<InteractiveContent>());
            content.Property(c => c.Location).HasColumnName("Location")
                .HasConversion(JsonColumnConverter.Create<LocationContent>(), JsonColumnConverter.Comparer<LocationContent>());
        });

        // The dispatcher's claim query: queued messages by due time.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.ProviderMessageId).IsUnique().HasFilter("\"ProviderMessageId\" IS NOT NULL");

        // One resend per message: two concurrent resend requests store one.
        builder.HasIndex(m => m.ResendOf).IsUnique().HasFilter("\"ResendOf\" IS NOT NULL");

        // History: ids are UUID v7, so "newest first" is "Id descending" and a date range is an Id range. Each filter
        // has an index that ends in Id, giving keyset pages that cost the same at any depth.
        builder.HasIndex(m => new { m.Contact, m.Id });
        builder.HasIndex(m => new { m.Direction, m.Id });
        builder.HasIndex(m => new { m.Status, m.Id });
        builder.HasIndex(m => new { m.From, m.Id });
        builder.HasIndex(m => new { m.Type, m.Id });
        builder.HasIndex(m => new { m.ErrorCode, m.Id });
        builder.HasIndex(m => new { m.TemplateName, m.Id });
        builder.HasIndex(m => new { m.ClientName, m.Id });
    }
}
