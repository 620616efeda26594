using WhatsApp.Domain.Messages;

namespace WhatsApp.Seed.Writing;

/// <summary>One Messages row, column for column; reused for every row. Times are Unix milliseconds (UTC).</summary>
internal sealed class MessageRow
{
    public Guid Id { get; set; }

    public MessageDirection Direction { get; set; }

    public MessageType Type { get; set; }

    public string From { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;

    public string Contact { get; set; } = string.Empty;

    public MessageContent Content { get; set; } = new();

    public string? TemplateName { get; set; }

    public MessageStatus Status { get; set; }

    public string? ProviderMessageId { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorReason { get; set; }

    public int Attempts { get; set; }

    public long? NextAttemptAt { get; set; }

    public string ClientName { get; set; } = string.Empty;

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? SentAt { get; set; }

    public InboundDetails? Inbound { get; set; }

    /// <summary>Already serialized: one conversation's JSON is shared by all its messages.</summary>
    public string? ConversationJson { get; set; }
}
