using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WhatsApp.Infrastructure.Persistence.Configurations;

internal sealed class WebhookNonceConfiguration : IEntityTypeConfiguration<WebhookNonce>
{
    public void Configure(EntityTypeBuilder<WebhookNonce> builder)
    {
        builder.ToTable("WebhookNonces");
        builder.HasKey(n => n.Nonce);
        builder.Property(n => n.Nonce).HasMaxLength(StoredLengths.Nonce);
        builder.HasIndex(n => n.SeenAt);
    }
}
