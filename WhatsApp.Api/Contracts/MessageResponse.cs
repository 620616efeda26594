namespace WhatsApp.Api.Contracts;

/// <summary>A message as <c>GET /api/messages/{id}</c> shows it.</summary>
public sealed record MessageResponse(
    Guid Id,
    string Direction,
    string Type,
    string From,
    string To,
    string Status,
    string? ProviderMessageId,
    string? ErrorCode,
    string? ErrorReason,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? NextAttemptAt);
