using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Template;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DateTimeRequest
{
    public string? FallbackValue { get; init; }
}
