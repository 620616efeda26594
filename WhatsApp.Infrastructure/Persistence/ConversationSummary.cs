using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Keeps each contact's conversation summary (counts, latest message, window) in step with the messages, inside the
/// caller's transaction, so the conversation list never aggregates the Messages table.
/// </summary>
internal static class ConversationSummary
{
    public static async Task RecordAsync(WhatsAppDbContext db, Message message, CancellationToken ct)
    {
        var contact = db.Contacts.Local.FirstOrDefault(c => c.Number == message.Contact)
            ?? await db.Contacts.FirstOrDefaultAsync(c => c.Number == message.Contact, ct);
        if (contact is null)
        {
            contact = Contact.For(message);
            db.Contacts.Add(contact);
        }

        contact.Record(message);
    }

    /// <summary>Counts one more outbound message that ended failed or undelivered.</summary>
    public static Task CountFailureAsync(WhatsAppDbContext db, string contact, CancellationToken ct) =>
        db.Contacts.Where(c => c.Number == contact)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedCount, c => c.FailedCount + 1), ct);
}
