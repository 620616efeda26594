using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Features.PlivoWebhooks;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>A test-only webhook that echoes what the signature filter verified. Hosted by <see cref="SignatureTestHost"/> only.</summary>
[ApiController]
[Route("hooks/plivo")]
[AllowAnonymous]
[ValidatePlivoSignature]
public sealed class SignatureEchoController : ControllerBase
{
    [HttpGet("status")]
    [HttpPost("status")]
    public IActionResult Echo()
    {
        var webhook = HttpContext.GetPlivoWebhookContext();
        return Ok(new
        {
            webhook.Nonce,
            webhook.SignatureVersion,
            webhook.SignedUrl,
            Parameters = webhook.Parameters.Select(p => new[] { p.Key, p.Value }),
        });
    }
}
