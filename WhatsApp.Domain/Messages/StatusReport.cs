namespace WhatsApp.Domain.Messages;

/// <summary>A delivery report from the provider for one of our outbound messages.</summary>
public sealed record StatusReport(
    string ProviderMessageId,
    MessageStatus Status,
    string? Sequence,
    DateTimeOffset? ProviderTime,
    string? ErrorCode,
    string? Reason,
    ConversationInfo? Conversation);
