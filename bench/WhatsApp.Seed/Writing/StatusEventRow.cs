using WhatsApp.Domain.Messages;

namespace WhatsApp.Seed.Writing;

/// <summary>One applied status report (MessageStatusEvents row). Times are Unix milliseconds (UTC).</summary>
internal readonly record struct StatusEventRow(
    Guid Id, Guid MessageId, string ProviderMessageId, MessageStatus Status, string Sequence, long ProviderTime, long ReceivedAt,
    string? ErrorCode, string? Reason);
