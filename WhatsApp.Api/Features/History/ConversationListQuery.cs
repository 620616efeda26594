using Microsoft.AspNetCore.Mvc;
using WhatsApp.Domain.History;

namespace WhatsApp.Api.Features.History;

/// <summary>Query string of <c>GET /api/conversations</c>.</summary>
public sealed class ConversationListQuery
{
    /// <summary><c>open</c> or <c>closed</c>: the contact's 24-hour window.</summary>
    [FromQuery(Name = "window")]
    public string? Window { get; set; }

    [FromQuery(Name = "has_failed")]
    public bool? HasFailed { get; set; }

    /// <summary>Prefix of the contact's number, e.g. <c>+44</c>.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "limit")]
    public int? Limit { get; set; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    public ConversationFilter ToFilter() => new()
    {
        WindowOpen = Window switch { "open" => true, "closed" => false, _ => null },
        HasFailed = HasFailed == true,
        NumberPrefix = string.IsNullOrEmpty(Q) ? null : Q,
    };
}
