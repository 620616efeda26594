namespace WhatsApp.Api.Features.History;

/// <summary>A message in a list: everything but its status history and raw fields.</summary>
public sealed record MessageListItem(
    Guid Id,
    string Direction,
    string Type,
    string From,
    string To,
    string Contact,
    string Status,
    string? Body,
    string? MediaUrl,
    string? TemplateName,
    string? ProviderMessageId,
    string? ErrorCode,
    string? ErrorReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? ResendOf,
    IReadOnlyDictionary<string, string>? Metadata,
    string? SentBy = null);
