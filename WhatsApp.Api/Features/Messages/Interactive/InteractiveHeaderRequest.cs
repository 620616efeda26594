using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Interactive;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InteractiveHeaderRequest
{
    /// <summary><c>text</c> or <c>media</c>.</summary>
    public string? Type { get; init; }

    public string? Text { get; init; }

    public string? Media { get; init; }
}
