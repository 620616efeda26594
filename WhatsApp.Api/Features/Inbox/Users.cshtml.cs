using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhatsApp.Infrastructure.Users;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>Admins only: the inbox's users, with creating one, disabling or enabling one, and setting a new password.</summary>
public sealed partial class UsersModel(InboxUsers users, ILogger<UsersModel> logger) : PageModel
{
    public IReadOnlyList<InboxUser> All { get; private set; } = [];

    /// <summary>What was wrong with the last change, by field; shown above the forms.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>What the last change did, in a sentence.</summary>
    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => All = await users.AllAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? name, string? role, string? password, CancellationToken ct)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > InboxUser.MaxNameLength)
        {
            problems.Add($"Name: required, at most {InboxUser.MaxNameLength} characters.");
        }

        if (role is null || !InboxUsers.Roles.Contains(role))
        {
            problems.Add("Role: agent or admin.");
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            problems.Add("Email and password: required.");
        }

        if (problems.Count == 0)
        {
            var created = await users.CreateAsync(email!.Trim(), name!.Trim(), password!, role!);
            if (created.User is { } user)
            {
                LogChanged(this.UserEmail(), "created", user.Email!);
                return Finish($"Created {user.Email} ({user.Role}).");
            }

            problems.AddRange(created.EmailTaken ? [$"A user with the email {email} exists already."] : created.Errors.SelectMany(e => e.Value));
        }

        return await ShowAsync(problems, ct);
    }

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) => SetDisabledAsync(id, true, ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) => SetDisabledAsync(id, false, ct);

    public async Task<IActionResult> OnPostPasswordAsync(string id, string? password, CancellationToken ct)
    {
        var problems = await users.ResetPasswordAsync(id, password ?? string.Empty);
        if (problems.Count > 0)
        {
            return await ShowAsync(problems, ct);
        }

        LogChanged(this.UserEmail(), "set a new password for", id);
        return Finish("The new password is set; the user's open sessions end within a minute.");
    }

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled, CancellationToken ct)
    {
        // An admin who disabled themselves could lock everyone out of user management.
        if (disabled && (await users.FindByEmailAsync(this.UserEmail()))?.Id == id)
        {
            return await ShowAsync(["You cannot disable yourself."], ct);
        }

        if (!await users.SetDisabledAsync(id, disabled))
        {
            return NotFound();
        }

        LogChanged(this.UserEmail(), disabled ? "disabled" : "enabled", id);
        return Finish(disabled ? "Disabled: the user cannot sign in, and open sessions end within a minute." : "Enabled.");
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<string> problems, CancellationToken ct)
    {
        Problems = problems;
        All = await users.AllAsync(ct);
        return Page();
    }

    // Post, redirect, get: a reload does not repeat the change.
    private RedirectToPageResult Finish(string done)
    {
        Done = done;
        return RedirectToPage();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox admin {Admin} {Change} user {User}")]
    private partial void LogChanged(string admin, string change, string user);
}
