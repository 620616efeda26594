using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WhatsApp.Api.Auth;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure;
using WhatsApp.Infrastructure.Plivo;
using WhatsApp.Infrastructure.Simulator;

namespace WhatsApp.Api.Features.Simulator;

/// <summary>Simulator mode only: plays the customer's side, through the same processing path as Plivo's webhooks.</summary>
[ApiController]
[Route("api/admin/simulator")]
[Authorize(Policy = Policies.Admin)]
public sealed class SimulatorController(
    WebhookReceiver receiver,
    ISenderDirectory senders,
    IOptions<MessagingOptions> messaging,
    IOptions<PlivoOptions> plivo,
    TimeProvider time) : ControllerBase
{
    /// <summary>Delivers a message from a customer, which opens their 24-hour window.</summary>
    [HttpPost("inbound")]
    [EndpointName("simulateInboundMessage")]
    [Consumes("application/json")]
    [ProducesResponseType<SimulatedInboundResponse>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<IActionResult> Inbound(SimulateInboundRequest request, CancellationToken ct)
    {
        if (ProviderSelection.Resolve(messaging.Value, plivo.Value) != ProviderSelection.Simulator)
        {
            throw new ConflictException("Inbound messages can only be simulated while the simulator provider is active.");
        }

        var delivery = SimulatorWebhooks.Inbound(request.From!, request.To ?? senders.DefaultSender, request.Message!, time.GetUtcNow());
        var outcome = await receiver.ReceiveAsync(delivery, ct);
        return Accepted(new SimulatedInboundResponse(Wire.Name(outcome)));
    }
}
