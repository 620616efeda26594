using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Keeps each contact's conversation summary (counts, latest message, window) in step with the messages, inside the
/// caller's transaction, so the conversation list never aggregates the Messages table.
/// </summary>
internal static class ConversationSummary
{
    /// <summary>
    /// One upsert, converted on the caller's thread: the summary of this message alone, added to the contact's summary
    /// if there is one.
    /// </summary>
    public static PreparedRow Prepare(WriteQueue writes, Message message)
    {
        var alone = Contact.For(message);
        alone.Record(message);
        return writes.Prepare(alone, WriteSql.ContactRecord);
    }

    /// <summary>Counts one more outbound message that ended failed or undelivered.</summary>
    public static Task CountFailureAsync(WriteSession session, string contact, CancellationToken ct) =>
        session.Sql<Contact>(WriteSql.CountFailure).Set("@contact", nameof(Contact.Number), contact).ExecuteAsync(ct);
}
