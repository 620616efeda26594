using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>Where a signed-in user lands on a page their role may not open (an agent on the users page): a 403, not the sign-in form.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
