using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Infrastructure.Persistence.Configurations;

internal sealed class MessageStatusEventConfiguration : IEntityTypeConfiguration<MessageStatusEvent>
{
    public void Configure(EntityTypeBuilder<MessageStatusEvent> builder)
    {
        builder.ToTable("MessageStatusEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ProviderMessageId).HasMaxLength(StoredLengths.ProviderMessageId);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Sequence).HasMaxLength(StoredLengths.Sequence);
        builder.Property(e => e.ErrorCode).HasMaxLength(StoredLengths.ErrorCode);

        // A redelivered report (same message, status and sequence) is one row, even under concurrency.
        builder.HasIndex(e => new { e.ProviderMessageId, e.Status, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.MessageId, e.ReceivedAt });
    }
}
