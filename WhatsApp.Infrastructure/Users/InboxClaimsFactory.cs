using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure.Users;

/// <summary>The inbox cookie's claims: Identity's (the email as name, the security stamp) plus the role and display name.</summary>
internal sealed class InboxClaimsFactory(UserManager<InboxUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<InboxUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(InboxUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(InboxUser.DisplayNameClaim, user.Name));
        return identity;
    }
}

/// <summary>A disabled user cannot sign in (<see cref="SignInResult.NotAllowed"/>), whatever the password.</summary>
internal sealed class EnabledUsersOnly : IUserConfirmation<InboxUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<InboxUser> manager, InboxUser user) => Task.FromResult(!user.Disabled);
}
