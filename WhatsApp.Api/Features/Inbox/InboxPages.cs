using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>What every inbox page shares: the signed-in user, and bad input answered as the API answers it.</summary>
public static class InboxPages
{
    /// <summary>The signed-in user's email, recorded as <c>sent_by</c> on what they do.</summary>
    public static string UserEmail(this PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.User.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("No user is signed in.");
    }

    /// <summary>A 400 problem naming the query parameter, as the API's own.</summary>
    public static IActionResult BadParameter(this PageModel page, string name, string message)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.ModelState.Clear();
        page.ModelState.AddModelError(name, message);
        return page.BadRequest(new ValidationProblemDetails(page.ModelState) { Title = "One or more validation errors occurred.", Status = 400 });
    }
}
