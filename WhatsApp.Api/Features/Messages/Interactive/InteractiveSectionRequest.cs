using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Interactive;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InteractiveSectionRequest
{
    public string? Title { get; init; }

    public IReadOnlyList<InteractiveRowRequest?>? Rows { get; init; }
}
