using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Interactive;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InteractiveActionRequest
{
    /// <summary>Reply buttons; for a list, <c>buttons[0].title</c> labels the button that opens it; for cta_url, the one link button.</summary>
    public IReadOnlyList<InteractiveButtonRequest?>? Buttons { get; init; }

    public IReadOnlyList<InteractiveSectionRequest?>? Sections { get; init; }
}
