using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Auth;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Api.Features.AdminWebhooks;

/// <summary>Webhooks that were acknowledged but could not be processed, and their replay.</summary>
[ApiController]
[Route("api/admin/webhooks")]
[Authorize(Policy = Policies.Admin)]
public sealed class AdminWebhooksController(IWebhookReceiptQueries unprocessed, WebhookReceiver receiver) : ControllerBase
{
    /// <summary>Unprocessed receipts, oldest first.</summary>
    [HttpGet("unprocessed")]
    [EndpointName("listUnprocessedWebhooks")]
    [ProducesResponseType<IReadOnlyList<WebhookReceiptResponse>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IReadOnlyList<WebhookReceiptResponse>> Unprocessed([FromQuery] int limit = 100, CancellationToken ct = default)
    {
        var receipts = await unprocessed.ListUnprocessedAsync(Math.Clamp(limit, 1, 500), ct);
        return receipts
            .Select(r => new WebhookReceiptResponse(r.Id, r.ReceivedAt, r.Kind, r.Method, r.SignatureVersion, r.Error, r.Fields))
            .ToList();
    }

    /// <summary>
    /// Processes a stored receipt again (after a fix, or once the message it refers to exists); 409 for a receipt whose
    /// fields were erased. A replay only inserts what is absent, so it never writes content over an erased message.
    /// </summary>
    [HttpPost("{id:guid}/replay")]
    [EndpointName("replayWebhook")]
    [ProducesResponseType<WebhookReplayResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<WebhookReplayResponse> Replay(Guid id, CancellationToken ct)
    {
        var outcome = await receiver.ReplayAsync(id, ct) ?? throw new NotFoundException("Webhook receipt", id.ToString());
        return new WebhookReplayResponse(id, Wire.Name(outcome));
    }
}
