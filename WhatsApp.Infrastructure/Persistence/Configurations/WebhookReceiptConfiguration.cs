using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Infrastructure.Persistence.Configurations;

internal sealed class WebhookReceiptConfiguration : IEntityTypeConfiguration<WebhookReceipt>
{
    public void Configure(EntityTypeBuilder<WebhookReceipt> builder)
    {
        builder.ToTable("WebhookReceipts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.SignatureVersion).HasMaxLength(16);
        builder.Property(r => r.Method).HasMaxLength(8);
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.Contact).HasMaxLength(StoredLengths.PhoneNumber);
        builder.HasIndex(r => r.Contact);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Error).HasMaxLength(WebhookReceipt.MaxErrorLength);
        // The raw fields, URL and nonce are kept whole, whatever their length: the receipt is what a replay starts from.
        builder.Property(r => r.Fields)
            .HasConversion(JsonColumnConverter.Create<IReadOnlyList<KeyValuePair<string, string>>>()!, JsonColumnConverter.Comparer<IReadOnlyList<KeyValuePair<string, string>>>()!);

        // The admin list of unprocessed receipts.
        builder.HasIndex(r => new { r.Outcome, r.ReceivedAt });
    }
}
