using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Interactive;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InteractiveButtonRequest
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? CtaUrl { get; init; }
}
