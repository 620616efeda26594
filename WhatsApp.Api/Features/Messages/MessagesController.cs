using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Auth;
using WhatsApp.Api.Errors;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Services;

namespace WhatsApp.Api.Features.Messages;

[ApiController]
[Route(Path)]
public sealed class MessagesController(
    MessageSendingService sending, MessageResendingService resending, IMessageRepository messages, ISenderDirectory senders)
    : ControllerBase
{
    public const int MaxBodyBytes = 64 * 1024;
    private const string Path = "api/messages";

    /// <summary>Stores a message and queues it for sending. Answers before Plivo is called.</summary>
    [HttpPost]
    [EndpointName("sendMessage")]
    [Authorize(Policy = Policies.Send)]
    [Consumes("application/json")]
    [RequestBodyLimit(MaxBodyBytes)]
    [ProducesResponseType<SendMessageResponse>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    public async Task<IActionResult> Send(
        [FromBody] SendMessageRequest request,
        [FromHeader(Name = "Idempotency-Key"), StringLength(255, MinimumLength = 1)] string? idempotencyKey,
        CancellationToken ct)
    {
        var command = request.ToCommand(senders.DefaultSender, User.ClientName(), idempotencyKey, idempotencyKey is null ? null : request.Fingerprint());
        var accepted = await sending.AcceptAsync(command, ct);
        Response.Headers["Idempotent-Replayed"] = accepted.Replayed ? "true" : "false";

        return Accepted(LocationOf(accepted.Message.Id), accepted.Message.ToSendResponse());
    }

    /// <summary>
    /// Sends an <c>outcome_unknown</c> or <c>failed</c> message again, as a new queued message linked to it by
    /// <c>resend_of</c>; once per message. Staff decide: a message Plivo did take is delivered twice.
    /// </summary>
    [HttpPost("{id:guid}/resend")]
    [EndpointName("resendMessage")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<SendMessageResponse>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public async Task<IActionResult> Resend(Guid id, CancellationToken ct)
    {
        var resend = await resending.ResendAsync(id, ct);
        return Accepted(LocationOf(resend.Id), resend.ToSendResponse());
    }

    /// <summary>A message with its current status, provider id, error and attempts. Senders see only their own.</summary>
    [HttpGet("{id:guid}")]
    [EndpointName("getMessage")]
    [Authorize(Policy = Policies.ReadMessage)]
    [ProducesResponseType<MessageResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<MessageResponse>> Get(Guid id, CancellationToken ct)
    {
        var message = await messages.FindAsync(id, ct);
        if (message is null || !(User.CanReadAllMessages() || message.ClientName == User.ClientName()))
        {
            throw new NotFoundException("Message", id.ToString());
        }

        return message.ToResponse(await messages.GetStatusHistoryAsync(id, ct));
    }

    // The absolute URL of Get, as AcceptedAtAction gives it, built by hand: the link generator is costly on the hot path
    // (bench/README.md).
    private string LocationOf(Guid id) =>
        $"{Request.Scheme}://{Request.Host.ToUriComponent()}{Request.PathBase.ToUriComponent()}/{Path}/{id}";
}
