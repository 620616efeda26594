using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Infrastructure.Users;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>Signing out is a POST (with the antiforgery token), so a link elsewhere cannot sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<InboxUser> signIn) : InboxPage
{
    public IActionResult OnGet() => Redirect("/inbox");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/inbox/login");
    }
}
