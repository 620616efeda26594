using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyKeys");

        // The key is unique per client, so two concurrent requests with one key cannot both insert.
        builder.HasKey(r => new { r.ClientName, r.Key });
        builder.Property(r => r.ClientName).HasMaxLength(100);
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.RequestFingerprint).HasMaxLength(64);
        builder.HasIndex(r => r.CreatedAt);
    }
}
