using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhatsApp.Infrastructure.Users;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>Signing out is a POST (with the antiforgery token), so a link elsewhere cannot sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<InboxUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/inbox");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/inbox/login");
    }
}
