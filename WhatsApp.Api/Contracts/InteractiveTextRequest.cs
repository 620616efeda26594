using System.Text.Json.Serialization;

namespace WhatsApp.Api.Contracts;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InteractiveTextRequest
{
    public string? Text { get; init; }
}
