namespace WhatsApp.Domain.Messages;

/// <summary>
/// One status report as received, appended to a message's history. Reports can arrive before the message's provider
/// id is stored (Plivo is that fast); they wait unapplied and are applied once the message is known.
/// </summary>
public sealed class MessageStatusEvent
{
    private MessageStatusEvent()
    {
        ProviderMessageId = Sequence = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The message this report belongs to, once known.</summary>
    public Guid? MessageId { get; private set; }

    public string ProviderMessageId { get; private set; }

    public MessageStatus Status { get; private set; }

    /// <summary>Plivo's Sequence, or empty when absent (so the dedup key never holds a null).</summary>
    public string Sequence { get; private set; }

    public DateTimeOffset? ProviderTime { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Whether the report was weighed against the message's status (it may not have changed it).</summary>
    public bool Applied { get; private set; }

    public static MessageStatusEvent From(StatusReport report, Guid id, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new MessageStatusEvent
        {
            Id = id,
            ProviderMessageId = report.ProviderMessageId,
            Status = report.Status,
            Sequence = report.Sequence ?? string.Empty,
            ProviderTime = report.ProviderTime,
            ReceivedAt = receivedAt,
            ErrorCode = report.ErrorCode,
            Reason = report.Reason,
        };
    }

    public void MarkApplied(Guid messageId)
    {
        MessageId = messageId;
        Applied = true;
    }
}
