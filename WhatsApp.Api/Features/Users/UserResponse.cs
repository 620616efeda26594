using WhatsApp.Infrastructure.Users;

namespace WhatsApp.Api.Features.Users;

/// <summary>An inbox user; never the password or its hash.</summary>
public sealed record UserResponse(string Id, string Email, string Name, string Role, bool Disabled, DateTimeOffset CreatedAt)
{
    public static UserResponse From(InboxUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserResponse(user.Id, user.Email!, user.Name, user.Role, user.Disabled, user.CreatedAt);
    }
}
