namespace WhatsApp.Api.Features.AdminWebhooks;

/// <summary>A stored webhook that could not be processed.</summary>
public sealed record WebhookReceiptResponse(
    Guid Id, DateTimeOffset ReceivedAt, string Kind, string Method, string SignatureVersion, string? Error,
    IReadOnlyList<KeyValuePair<string, string>> Fields);
