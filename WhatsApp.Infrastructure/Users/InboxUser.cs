using Microsoft.AspNetCore.Identity;

namespace WhatsApp.Infrastructure.Users;

/// <summary>
/// A person who signs in to the support inbox: an agent, or an admin who also manages users. ASP.NET Core Identity
/// keeps the password hash, the lockout and the security stamp; the role is one column, as each user has exactly one.
/// </summary>
public sealed class InboxUser : IdentityUser
{
    public const int MaxNameLength = 100;

    /// <summary>The sign-in cookie's claim with <see cref="Name"/>.</summary>
    public const string DisplayNameClaim = "display_name";

    public string Name { get; set; } = string.Empty;

    /// <summary><c>agent</c> or <c>admin</c>, the same role names the API keys use.</summary>
    public string Role { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Disabled by an admin: the user cannot sign in, and an open session ends at its next check.</summary>
    public bool Disabled { get; set; }
}
