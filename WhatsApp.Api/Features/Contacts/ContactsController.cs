using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Auth;
using WhatsApp.Api.Validation;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Api.Features.Contacts;

[ApiController]
[Route("api/contacts")]
public sealed class ContactsController(IContactRepository contacts, TimeProvider time) : ControllerBase
{
    /// <summary>Whether the 24-hour customer service window with a contact is open (free-form messages allowed).</summary>
    [HttpGet("{contact}/window")]
    [EndpointName("getContactWindow")]
    [Authorize(Policy = Policies.ReadMessage)]
    [ProducesResponseType<ContactWindowResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<ContactWindowResponse>> Window([E164] string contact, CancellationToken ct)
    {
        var lastInbound = (await contacts.FindAsync(contact, ct))?.LastInboundAt;
        return new ContactWindowResponse(
            contact, CustomerServiceWindow.IsOpen(lastInbound, time.GetUtcNow()), lastInbound, CustomerServiceWindow.ClosesAt(lastInbound));
    }
}
