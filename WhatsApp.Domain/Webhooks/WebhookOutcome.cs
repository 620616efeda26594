namespace WhatsApp.Domain.Webhooks;

public enum WebhookOutcome
{
    /// <summary>Stored and applied.</summary>
    Processed,

    /// <summary>A redelivery of something already stored; nothing changed.</summary>
    Duplicate,

    /// <summary>The nonce was used by a committed webhook within the replay window: rejected, nothing stored.</summary>
    NonceReplayed,

    /// <summary>Authentic but not understood (or processing failed): kept as an unprocessed receipt for staff to replay.</summary>
    Unprocessed,
}
