using Npgsql;
using WhatsApp.Seed.Planning;
using WhatsApp.Seed.Writing;

namespace WhatsApp.Seed.Postgres;

/// <summary>
/// Writes the planned history with binary COPY in one transaction that first empties the tables, so the rows can be
/// loaded frozen (<c>COPY … FREEZE</c>): already visible to everyone, with no hint bits to set and no vacuum to wait
/// for before index-only scans work. Rows are composed on a second thread while this one streams them.
/// </summary>
internal static class PostgresHistoryWriter
{
    public static int Write(NpgsqlConnection connection, PlannedMessage[] plan, ContactProfile[] contacts, SeedOptions options,
        long untilUnixMs, CancellationToken ct)
    {
        using var history = new ComposedHistory<PostgresMessage, StatusEventRow>(
            plan, new HistoryComposer(options, contacts, untilUnixMs), PostgresCopy.Composer(), static e => e, ct);
        using var transaction = connection.BeginTransaction();
        PostgresCommands.Execute(connection, """TRUNCATE "Messages", "MessageStatusEvents", "Contacts";""");

        // One COPY at a time on a connection: the few status reports wait in memory for the messages' COPY to end.
        var events = new List<StatusEventRow>();
        using (var copy = connection.BeginBinaryImport(PostgresCopy.Messages))
        {
            foreach (var chunk in history.Chunks)
            {
                chunk.Messages.ForEach(message => PostgresCopy.Write(copy, message));
                events.AddRange(chunk.Events);
            }

            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport(PostgresCopy.StatusEvents))
        {
            events.ForEach(statusEvent => PostgresCopy.Write(copy, statusEvent));
            copy.Complete();
        }

        var states = history.States();
        using (var copy = connection.BeginBinaryImport(PostgresCopy.Contacts))
        {
            foreach (var index in ContactColumns.InKeyOrder(contacts))
            {
                PostgresCopy.Write(copy, contacts[index], states[index]);
            }

            copy.Complete();
        }

        transaction.Commit();
        return events.Count;
    }
}
