using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Services;

/// <summary>The writes of a send and of a resend, each run as one unit of work.</summary>
public static class NewMessages
{
    /// <summary>
    /// Stores a send with its idempotency record, if any. False, with nothing written, when another request holds the
    /// key: the key goes first, so the request that lost the race for it writes nothing.
    /// </summary>
    public static async Task<bool> StoreSendAsync(IWriteContext writes, Message message, IdempotencyRecord? record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (record is not null && !await writes.TryAddIdempotencyKeyAsync(record, ct))
        {
            return false;
        }

        return await Conversations.StoreAsync(writes, message, ct)
            ? true
            : throw new InvalidOperationException($"Message {message.Id} is already stored.");
    }

    /// <summary>
    /// Stores a resend (<see cref="Message.ResendOf"/> set). False, with nothing written, when its original already has
    /// a resend (the unique resend-of key: two concurrent requests store one) or its content was erased since the
    /// resend copied it (the copy must not bring it back).
    /// </summary>
    public static async Task<bool> StoreResendAsync(IWriteContext writes, Message resend, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(resend);
        var originalId = resend.ResendOf ?? throw new ArgumentException("Not a resend.", nameof(resend));
        return await writes.HasContentAsync(originalId, ct) && await Conversations.StoreAsync(writes, resend, ct);
    }
}
