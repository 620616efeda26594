using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Auth;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.History;

/// <summary>Conversations for support staff: one row per contact, and the timeline with one contact.</summary>
[ApiController]
[Route("api/conversations")]
[Authorize(Policy = Policies.ReadHistory)]
public sealed class ConversationsController(HistoryService history) : ControllerBase
{
    /// <summary>Contacts, most recent activity first, with their latest message, counts and window.</summary>
    [HttpGet]
    [EndpointName("listConversations")]
    [ProducesResponseType<PageResponse<ConversationSummaryResponse>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<PageResponse<ConversationSummaryResponse>> List([FromQuery] ConversationListQuery query, CancellationToken ct) =>
        history.ConversationsAsync(query, ct);

    /// <summary>Both directions with one contact, newest first; scroll with <c>before</c> and <c>after</c>.</summary>
    [HttpGet("{contact}/messages")]
    [EndpointName("getContactTimeline")]
    [ProducesResponseType<TimelineResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<TimelineResponse> Timeline([E164] string contact, [FromQuery] TimelineQuery query, CancellationToken ct) =>
        history.TimelineAsync(contact, query, ct);
}
