using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Interactive;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InteractiveRequest
{
    /// <summary><c>button</c>, <c>list</c> or <c>cta_url</c>.</summary>
    public string? Type { get; init; }

    public InteractiveHeaderRequest? Header { get; init; }

    public InteractiveTextRequest? Body { get; init; }

    public InteractiveTextRequest? Footer { get; init; }

    public InteractiveActionRequest? Action { get; init; }
}
