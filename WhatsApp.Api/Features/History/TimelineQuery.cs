using Microsoft.AspNetCore.Mvc;

namespace WhatsApp.Api.Features.History;

/// <summary>Query string of <c>GET /api/conversations/{contact}/messages</c>: scroll older with <c>before</c>, newer with <c>after</c>.</summary>
public sealed class TimelineQuery
{
    [FromQuery(Name = "before")]
    public string? Before { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    [FromQuery(Name = "limit")]
    public int? Limit { get; set; }
}
