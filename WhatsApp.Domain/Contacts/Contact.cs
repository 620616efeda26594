using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Contacts;

/// <summary>
/// A customer's WhatsApp number and the summary of our conversation with them: when they last wrote (which opens
/// the service window), the latest message either way, and counts. Kept up to date as messages are stored.
/// </summary>
public sealed class Contact
{
    private Contact()
    {
        Number = OurNumber = string.Empty;
    }

    public string Number { get; private set; }

    /// <summary>The number of ours that last exchanged a message with this contact.</summary>
    public string OurNumber { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset? LastInboundAt { get; private set; }

    public Guid? LastMessageId { get; private set; }

    public DateTimeOffset LastMessageAt { get; private set; }

    public int InboundCount { get; private set; }

    public int OutboundCount { get; private set; }

    /// <summary>Outbound messages that ended failed or undelivered.</summary>
    public int FailedCount { get; private set; }

    /// <summary>Open until support resolves it; a new message from the customer opens it again.</summary>
    public ConversationState State { get; private set; }

    /// <summary>The agent (their email) the conversation is assigned to; null when nobody is.</summary>
    public string? AssignedTo { get; private set; }

    /// <summary>The latest message is the customer's: nobody has answered it yet.</summary>
    public bool AwaitingReply { get; private set; }

    public static Contact For(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new Contact { Number = message.Contact, FirstSeenAt = message.CreatedAt, LastMessageAt = message.CreatedAt };
    }

    /// <summary>Counts an outbound message that ended failed or undelivered after it was recorded.</summary>
    public void RecordFailure() => FailedCount++;

    /// <summary>Counts a newly stored message; only the customer's own messages open or renew the window.</summary>
    public void Record(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Direction == MessageDirection.Inbound)
        {
            InboundCount++;
            OurNumber = message.To;
            State = ConversationState.Open;

            // A late, older webhook never moves the window back.
            if (LastInboundAt is null || message.CreatedAt > LastInboundAt)
            {
                LastInboundAt = message.CreatedAt;
            }
        }
        else
        {
            OutboundCount++;
            OurNumber = message.From;
            if (message.Status is MessageStatus.Failed or MessageStatus.Undelivered)
            {
                FailedCount++;
            }
        }

        if (LastMessageId is null || message.CreatedAt >= LastMessageAt)
        {
            LastMessageId = message.Id;
            LastMessageAt = message.CreatedAt;
            AwaitingReply = message.Direction == MessageDirection.Inbound;
        }
    }

    /// <summary>Moves the conversation to <paramref name="state"/>; false when it was there already.</summary>
    public bool MoveTo(ConversationState state)
    {
        var changed = State != state;
        State = state;
        return changed;
    }

    /// <summary>Assigns the conversation to <paramref name="agent"/> (null: to nobody); false when it was already.</summary>
    public bool AssignTo(string? agent)
    {
        var changed = !string.Equals(AssignedTo, agent, StringComparison.OrdinalIgnoreCase);
        AssignedTo = agent;
        return changed;
    }
}
