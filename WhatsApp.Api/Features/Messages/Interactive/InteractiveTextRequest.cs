using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Interactive;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InteractiveTextRequest
{
    public string? Text { get; init; }
}
