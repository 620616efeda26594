using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>
/// Plivo's inbound messages and delivery reports. Authenticated by signature instead of an API key; answered 200
/// only after the webhook is committed, so Plivo retries anything we did not store.
/// </summary>
[ApiController]
[Route(WebhookRouteConvention.DefaultPath)]
[AllowAnonymous]
[DisableRateLimiting] // the limits are per API key and a webhook has none: this skips the limiter's lookup altogether
public sealed class PlivoWebhooksController(WebhookReceiver receiver, TimeProvider time) : ControllerBase
{
    [HttpPost]
    [HttpGet]
    [ValidatePlivoSignature]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    public async Task<IActionResult> Receive()
    {
        var webhook = HttpContext.GetPlivoWebhookContext();
        var delivery = new WebhookDelivery(
            webhook.Nonce, webhook.SignatureVersion, Request.Method, webhook.SignedUrl, webhook.Parameters, time.GetUtcNow());

        // No token (and so no model binding at all): once the work started, it is committed whole rather than
        // half-abandoned, whether or not Plivo hangs up.
        var outcome = await receiver.ReceiveAsync(delivery, CancellationToken.None);
        return outcome == WebhookOutcome.NonceReplayed
            ? Problem(statusCode: StatusCodes.Status403Forbidden, title: "Replayed webhook", detail: "This signature nonce was already used.")
            : Ok();
    }
}
