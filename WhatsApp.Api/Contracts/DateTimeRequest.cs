using System.Text.Json.Serialization;

namespace WhatsApp.Api.Contracts;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DateTimeRequest
{
    public string? FallbackValue { get; init; }
}
