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

    /// <summary>Every user, enabled or not, by name: the admin's list.</summary>
    public async Task<IReadOnlyList<InboxUser>> AllAsync(CancellationToken ct) =>
        await users.Users.OrderBy(u => u.Name).ThenBy(u => u.Email).ToListAsync(ct);

    /// <summary>
    /// Disables or enables a user. A new security stamp ends a disabled user's open sessions at their next check;
    /// false when there is no such user.
    /// </summary>
    public async Task<bool> SetDisabledAsync(string id, bool disabled)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return false;
        }

        user.Disabled = disabled;
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    /// <summary>Sets a new password (and ends the user's open sessions, as Identity changes the stamp); the problems, if any.</summary>
    public async Task<IReadOnlyList<string>> ResetPasswordAsync(string id, string password)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return ["There is no such user."];
        }

        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        // One save: the hash, a lifted lockout (the admin has just vouched for the person) and a new stamp.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateSecurityStampAsync(user);
        return [];
    }

    /// <summary>The users who can sign in, by name: whom a conversation can be assigned to.</summary>
    public async Task<IReadOnlyList<InboxUser>> EnabledAsync(CancellationToken ct) =>
        await users.Users.Where(u => !u.Disabled).OrderBy(u => u.Name).ThenBy(u => u.Email).ToListAsync(ct);
}

public sealed record UserCreation(InboxUser? User, bool EmailTaken, IReadOnlyDictionary<string, string[]> Errors);
