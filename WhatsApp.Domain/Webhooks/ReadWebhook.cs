using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Webhooks;

/// <summary>
/// What a provider's webhook says, read before anything is stored (<see cref="Ports.IWebhookReader"/>): an inbound
/// message, a status report, or why it could not be read (it is then stored unprocessed, for staff to replay).
/// </summary>
public sealed record ReadWebhook(WebhookDelivery Delivery, string Kind, string? Contact)
{
    public const string InboundKind = "inbound";
    public const string StatusKind = "status";
    public const string UnknownKind = "unknown";

    public Message? Inbound { get; init; }

    public StatusReport? Status { get; init; }

    /// <summary>The outbound message a status callback's URL names, when that URL was signed.</summary>
    public Guid? Reference { get; init; }

    public string? Error { get; init; }
}
