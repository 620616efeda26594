namespace WhatsApp.Domain.Messages;

/// <summary>WhatsApp's billing conversation a message belongs to (Plivo's ConversationID, ConversationOrigin, ConversationExpirationTimestamp).</summary>
public sealed record ConversationInfo(string? Id, string? Origin, DateTimeOffset? ExpiresAt);
