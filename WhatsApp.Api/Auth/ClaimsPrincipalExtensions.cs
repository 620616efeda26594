using System.Security.Claims;

namespace WhatsApp.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The name of the API key that made the request.</summary>
    public static string ClientName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name ?? throw new InvalidOperationException("The request is not authenticated.");
    }

    /// <summary>Senders see only what they sent; agents and admins see everything.</summary>
    public static bool CanReadAllMessages(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Admin);
    }
}
