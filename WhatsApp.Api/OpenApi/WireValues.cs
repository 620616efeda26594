using WhatsApp.Domain.Messages;

namespace WhatsApp.Api.OpenApi;

/// <summary>The closed sets on the wire, taken from the enums and constants the code itself uses.</summary>
internal static class WireValues
{
    public static IReadOnlyList<string> Directions { get; } = Of<MessageDirection>();

    /// <summary>Stored message types: what was sent, and what a customer can send us (button replies, unknown).</summary>
    public static IReadOnlyList<string> MessageTypes { get; } = Of<MessageType>();

    public static IReadOnlyList<string> Statuses { get; } = Of<MessageStatus>();

    public static IReadOnlyList<string> SendTypes { get; } = Features.Messages.MessageTypes.All;

    public static IReadOnlyList<string> InteractiveTypes { get; } =
    [
        Features.Messages.Interactive.InteractiveTypes.Button,
        Features.Messages.Interactive.InteractiveTypes.List,
        Features.Messages.Interactive.InteractiveTypes.CtaUrl,
    ];

    public static IReadOnlyList<string> HeaderTypes { get; } = ["text", "media"];

    public static IReadOnlyList<string> ComponentTypes { get; } = ["header", "body", "footer", "button"];

    public static IReadOnlyList<string> ButtonSubTypes { get; } = ["quick_reply", "url"];

    public static IReadOnlyList<string> ParameterTypes { get; } = ["text", "media", "payload", "currency", "date_time", "location"];

    public static IReadOnlyList<string> WebhookOutcomes { get; } = Of<Domain.Webhooks.WebhookOutcome>();

    public static IReadOnlyList<string> Of<TEnum>()
        where TEnum : struct, Enum => System.Enum.GetValues<TEnum>().Select(Wire.Name).ToList();
}
