using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Events;

/// <summary>The events a business's systems can subscribe to, named as Standard Webhooks payloads name them.</summary>
public static class EventTypes
{
    public const string Received = "message.received";
    public const string Sent = "message.sent";
    public const string Delivered = "message.delivered";
    public const string Read = "message.read";
    public const string Failed = "message.failed";
    public const string Undelivered = "message.undelivered";
    public const string OutcomeUnknown = "message.outcome_unknown";
    public const string Test = "webhook.test";

    public static IReadOnlyList<string> All { get; } = [Received, Sent, Delivered, Read, Failed, Undelivered, OutcomeUnknown, Test];

    /// <summary>The event a message reaching <paramref name="status"/> makes; null for the statuses nobody is told of (queued, sending).</summary>
    public static string? For(MessageStatus status) => status switch
    {
        MessageStatus.Received => Received,
        MessageStatus.Sent => Sent,
        MessageStatus.Delivered => Delivered,
        MessageStatus.Read => Read,
        MessageStatus.Failed => Failed,
        MessageStatus.Undelivered => Undelivered,
        MessageStatus.OutcomeUnknown => OutcomeUnknown,
        _ => null,
    };
}
