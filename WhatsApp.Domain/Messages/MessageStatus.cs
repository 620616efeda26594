namespace WhatsApp.Domain.Messages;

/// <summary>Lifecycle of a message. See <see cref="MessageStatusRules"/> for which moves are allowed.</summary>
public enum MessageStatus
{
    /// <summary>Stored and waiting for (another) dispatch attempt.</summary>
    Queued,

    /// <summary>Handed to the HTTP client; if the process dies now the outcome is unknown.</summary>
    Sending,

    /// <summary>Plivo accepted the message (it returned a message uuid).</summary>
    Sent,
    Delivered,
    Read,
    Failed,
    Undelivered,

    /// <summary>The request may or may not have reached Plivo (timeout, connection lost after sending). Never resent automatically.</summary>
    OutcomeUnknown,

    /// <summary>An inbound message we received.</summary>
    Received,
}
