using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WhatsApp.Infrastructure.Users;

namespace WhatsApp.Infrastructure.Persistence.Configurations;

/// <summary>Identity's tables (<see cref="InboxUser"/>), under plain names beside the gateway's own.</summary>
internal sealed class InboxUserConfiguration : IEntityTypeConfiguration<InboxUser>
{
    public void Configure(EntityTypeBuilder<InboxUser> builder)
    {
        builder.ToTable("Users");
        builder.Property(u => u.Name).HasMaxLength(InboxUser.MaxNameLength);
        builder.Property(u => u.Role).HasMaxLength(16);
    }
}

internal sealed class InboxUserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> builder) => builder.ToTable("UserClaims");
}

internal sealed class InboxUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder) => builder.ToTable("UserLogins");
}

internal sealed class InboxUserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder) => builder.ToTable("UserTokens");
}
