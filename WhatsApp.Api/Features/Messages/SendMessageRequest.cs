using System.Text.Json.Serialization;
using WhatsApp.Api.Features.Messages.Interactive;
using WhatsApp.Api.Features.Messages.Location;
using WhatsApp.Api.Features.Messages.Template;

namespace WhatsApp.Api.Features.Messages;

/// <summary>
/// Body of <c>POST /api/messages</c>. Every field is nullable so that a missing field is reported by the validator,
/// keyed by its JSON name, rather than by the JSON reader.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SendMessageRequest
{
    /// <summary>Recipient, E.164 (<c>+14155552671</c>).</summary>
    public string? To { get; init; }

    /// <summary>One of the configured sender numbers; the default sender when absent.</summary>
    public string? From { get; init; }

    /// <summary><c>text</c> (default), <c>media</c>, <c>template</c>, <c>interactive</c> or <c>location</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The text of a text message, or the caption of a media message.</summary>
    public string? Message { get; init; }

    /// <summary>Exactly one public http(s) URL for a media message.</summary>
    public IReadOnlyList<string?>? MediaUrls { get; init; }

    public TemplateRequest? Template { get; init; }

    public InteractiveRequest? Interactive { get; init; }

    public LocationRequest? Location { get; init; }

    /// <summary>Up to 20 string keys (40 characters) and string values (500), returned with the message and in its events.</summary>
    public IReadOnlyDictionary<string, string?>? Metadata { get; init; }
}
