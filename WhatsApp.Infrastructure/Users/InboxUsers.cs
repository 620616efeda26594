using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace WhatsApp.Infrastructure.Users;

/// <summary>Creating inbox users, for <c>POST /api/users</c> and the Development seed.</summary>
public sealed class InboxUsers(UserManager<InboxUser> users, TimeProvider time)
{
    public const string Agent = "agent";
    public const string Admin = "admin";

    public static IReadOnlySet<string> Roles { get; } = new HashSet<string>(StringComparer.Ordinal) { Agent, Admin };

    /// <summary>The new user; or, with none, whether the email was taken and the other problems by field (<c>email</c>, <c>password</c>).</summary>
    public async Task<UserCreation> CreateAsync(string email, string name, string password, string role)
    {
        var user = new InboxUser { UserName = email, Email = email, Name = name, Role = role, CreatedAt = time.GetUtcNow(), LockoutEnabled = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            return new UserCreation(user, false, new Dictionary<string, string[]>());
        }

        var taken = result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));

        // Identity's error codes say what they are about: the email's (InvalidEmail, InvalidUserName), else the password's.
        var errors = result.Errors
            .GroupBy(e => e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "password")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct().ToArray());
        return new UserCreation(null, taken, errors);
    }

    public Task<InboxUser?> FindByEmailAsync(string email) => users.FindByEmailAsync(email);

    public Task<InboxUser?> FindByIdAsync(string id) => users.FindByIdAsync(id);

    /// <summary>The users who can sign in, by name: whom a conversation can be assigned to.</summary>
    public async Task<IReadOnlyList<InboxUser>> EnabledAsync(CancellationToken ct) =>
        await users.Users.Where(u => !u.Disabled).OrderBy(u => u.Name).ThenBy(u => u.Email).ToListAsync(ct);
}

public sealed record UserCreation(InboxUser? User, bool EmailTaken, IReadOnlyDictionary<string, string[]> Errors);
