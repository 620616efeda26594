using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Auth;

namespace WhatsApp.Api.Features.History;

/// <summary>Search across all messages, and the same as a CSV export for audits (with an API key, or from the inbox).</summary>
[ApiController]
[Route("api/messages")]
public sealed class MessageHistoryController(HistoryService history, TimeProvider time) : ControllerBase
{
    /// <summary>Messages matching every given filter, newest first.</summary>
    [HttpGet]
    [Authorize(Policy = Policies.ReadHistory)]
    [EndpointName("searchMessages")]
    [ProducesResponseType<PageResponse<MessageListItem>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<PageResponse<MessageListItem>> Search([FromQuery] MessageSearchQuery query, CancellationToken ct) =>
        history.SearchAsync(query, ct);

    /// <summary>Every matching message as CSV (RFC 4180, UTF-8), streamed.</summary>
    [HttpGet("export")]
    [Authorize(Policy = Policies.ReadHistory)]
    [EndpointName("exportMessages")]
    [Produces("text/csv")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task Export([FromQuery] MessageSearchQuery query, CancellationToken ct) => WriteCsvAsync(query, ct);

    /// <summary>The same export for an admin signed in to the inbox (its cookie, not an API key); not part of the API.</summary>
    [HttpGet("/inbox/export")]
    [Authorize(Policy = Policies.InboxAdmin)]
    [ApiExplorerSettings(IgnoreApi = true)]
    public Task ExportFromInbox([FromQuery] MessageSearchQuery query, CancellationToken ct) => WriteCsvAsync(query, ct);

    private async Task WriteCsvAsync(MessageSearchQuery query, CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"messages-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
        await history.ExportAsync(query, writer, ct);
    }
}
