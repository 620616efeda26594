namespace WhatsApp.Domain.Webhooks;

/// <summary>One authenticated webhook request as it arrived: its fields in order, and how it was authenticated.</summary>
public sealed record WebhookDelivery(
    string Nonce,
    string SignatureVersion,
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    DateTimeOffset ReceivedAt);
