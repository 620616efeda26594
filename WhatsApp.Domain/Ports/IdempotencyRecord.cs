namespace WhatsApp.Domain.Ports;

/// <summary>Remembers which message a client's <c>Idempotency-Key</c> created, and a fingerprint of the request body.</summary>
public sealed record IdempotencyRecord(string ClientName, string Key, string RequestFingerprint, Guid MessageId, DateTimeOffset CreatedAt);
