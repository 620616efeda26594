using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Contacts;

/// <summary>
/// The one rule for storing a message: the message, and its contact's conversation summary (<see cref="Contact.Record"/>)
/// in the same unit of work, for sends, resends, inbound webhooks and their replays alike.
/// </summary>
public static class Conversations
{
    /// <summary>Stores <paramref name="message"/> and counts it in its contact's summary; false when it was stored before.</summary>
    public static async Task<bool> StoreAsync(IWriteContext writes, Message message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(message);
        if (!await writes.TryAddMessageAsync(message, ct))
        {
            return false;
        }

        if (await writes.FindContactAsync(message.Contact, ct) is { } contact)
        {
            contact.Record(message);
            await writes.UpdateContactAsync(contact, ct);
            return true;
        }

        contact = Contact.For(message);
        contact.Record(message);
        await writes.AddContactAsync(contact, ct);
        return true;
    }

    /// <summary>Counts an outbound message of <paramref name="number"/>'s that ended failed or undelivered.</summary>
    public static async Task CountFailureAsync(IWriteContext writes, string number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (await writes.FindContactAsync(number, ct) is { } contact)
        {
            contact.RecordFailure();
            await writes.UpdateContactAsync(contact, ct);
        }
    }
}
