namespace WhatsApp.Seed.Writing;

/// <summary>
/// A contact's running state while its history is written in time order: the conversation summary exactly as
/// <c>Contact.Record</c> keeps it, plus what the next message refers to (order, open conversation, last outbound).
/// </summary>
internal sealed class ContactState
{
    public long FirstSeenAt { get; set; } = -1;

    public long? LastInboundAt { get; set; }

    public Guid? LastMessageId { get; set; }

    public long LastMessageAt { get; set; }

    public int InboundCount { get; set; }

    public int OutboundCount { get; set; }

    public int FailedCount { get; set; }

    public string OurNumber { get; set; } = string.Empty;

    public string Order { get; set; } = string.Empty;

    public string? LastOutboundProviderId { get; set; }

    public byte LastTemplate { get; set; }

    public string? LastInteractiveKind { get; set; }

    /// <summary>The WhatsApp conversation open for this contact: its JSON and when it expires (Unix ms).</summary>
    public string? ConversationJson { get; set; }

    public long ConversationExpiresAt { get; set; }

    public void Record(bool inbound, Guid id, long createdAt, string ourNumber)
    {
        if (FirstSeenAt < 0)
        {
            FirstSeenAt = createdAt;
        }

        if (inbound)
        {
            InboundCount++;
            LastInboundAt = createdAt;
        }
        else
        {
            OutboundCount++;
        }

        OurNumber = ourNumber;
        LastMessageId = id;
        LastMessageAt = createdAt;
    }
}
