namespace WhatsApp.Domain.Messages;

/// <summary>
/// The limits of a message's <c>metadata</c>: string keys and values a client attaches on send and gets back in the
/// message and in every event of it, to correlate without keeping our ids (Stripe's limits, tighter on the count).
/// </summary>
public static class MessageMetadata
{
    public const int MaxKeys = 20;
    public const int MaxKeyLength = 40;
    public const int MaxValueLength = 500;
}
