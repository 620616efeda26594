using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>What every inbox page shares: the signed-in user, and bad input answered as the API answers it.</summary>
public abstract class InboxPage : PageModel
{
    /// <summary>The signed-in user's email, recorded as <c>sent_by</c> on what they send.</summary>
    protected string UserEmail => User.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("No user is signed in.");

    /// <summary>A 400 problem naming the query parameter, as the API's own.</summary>
    protected IActionResult BadParameter(string name, string message)
    {
        ModelState.Clear();
        ModelState.AddModelError(name, message);
        return BadRequest(new ValidationProblemDetails(ModelState) { Title = "One or more validation errors occurred.", Status = 400 });
    }
}
