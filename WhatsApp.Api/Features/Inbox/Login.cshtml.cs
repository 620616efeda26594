using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhatsApp.Infrastructure.Users;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>Email and password; five wrong passwords lock the account for 15 minutes (Identity's lockout).</summary>
public sealed class LoginModel(SignInManager<InboxUser> signIn) : PageModel
{
    public string? Error { get; private set; }

    public string? Email { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password)
    {
        Email = email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Error = "Enter your email and password.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/inbox");
        }

        Error = result.IsLockedOut ? "Too many wrong passwords: this account is locked for 15 minutes."
            : result.IsNotAllowed ? "This account is disabled."
            : "Wrong email or password.";
        return Page();
    }
}
