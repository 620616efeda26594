using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Auth;
using WhatsApp.Api.Validation;
using WhatsApp.Domain.Privacy;

namespace WhatsApp.Api.Features.ContactData;

/// <summary>Data-protection requests about a contact.</summary>
[ApiController]
[Route("api/contacts")]
[Authorize(Policy = Policies.Admin)]
public sealed class ContactDataController(ContentErasure erasure) : ControllerBase
{
    /// <summary>
    /// Erases what the contact and we wrote (bodies, media links, templates, interactive and location payloads, raw
    /// webhook fields) and keeps the delivery metadata. Idempotent: a repeat erases 0 and still answers 200.
    /// </summary>
    [HttpDelete("{contact}")]
    [EndpointName("eraseContact")]
    [ProducesResponseType<ContactErasureResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<ContactErasureResponse>> Erase([E164] string contact, CancellationToken ct)
    {
        var erased = await erasure.EraseContactAsync(contact, User.ClientName(), ct);
        return new ContactErasureResponse(contact, erased.Messages, erased.WebhookReceipts);
    }
}
