using Microsoft.AspNetCore.Mvc;
using WhatsApp.Domain.History;

namespace WhatsApp.Api.Features.History;

/// <summary>Query string of <c>GET /api/messages</c> and <c>GET /api/messages/export</c>.</summary>
public sealed class MessageSearchQuery
{
    [FromQuery(Name = "contact")]
    public string? Contact { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "direction")]
    public string? Direction { get; set; }

    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    /// <summary>One or more statuses, repeated or comma-separated.</summary>
    [FromQuery(Name = "status")]
    public IList<string>? Status { get; init; }

    [FromQuery(Name = "error_code")]
    public string? ErrorCode { get; set; }

    [FromQuery(Name = "template_name")]
    public string? TemplateName { get; set; }

    /// <summary>ISO 8601, inclusive.</summary>
    [FromQuery(Name = "created_from")]
    public string? CreatedFrom { get; set; }

    /// <summary>ISO 8601, exclusive.</summary>
    [FromQuery(Name = "created_to")]
    public string? CreatedTo { get; set; }

    /// <summary>Text contained in the body or caption (case-insensitive).</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "limit")]
    public int? Limit { get; set; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    /// <summary>Call on a validated query only.</summary>
    public MessageFilter ToFilter() => new()
    {
        Contact = Contact,
        From = From,
        Direction = QueryValues.Direction(Direction),
        Type = QueryValues.Type(Type),
        Statuses = QueryValues.SplitList(Status).Select(s => QueryValues.Status(s)!.Value).Distinct().ToList(),
        ErrorCode = ErrorCode,
        TemplateName = TemplateName,
        CreatedFrom = QueryValues.Date(CreatedFrom),
        CreatedTo = QueryValues.Date(CreatedTo),
        Text = string.IsNullOrEmpty(Q) ? null : Q,
    };
}
