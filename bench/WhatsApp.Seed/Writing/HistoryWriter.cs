using Microsoft.Data.Sqlite;
using WhatsApp.Seed.Planning;

namespace WhatsApp.Seed.Writing;

/// <summary>
/// Inserts the planned history in time order (so the primary key only ever appends) in large transactions. Rows are
/// composed and formatted on a second thread while this one binds and steps the prepared statements.
/// </summary>
internal static class HistoryWriter
{
    public static int Write(SqliteConnection connection, PlannedMessage[] plan, ContactProfile[] contacts, SeedOptions options,
        long untilUnixMs, CancellationToken ct)
    {
        var columns = new MessageColumns();
        using var history = new ComposedHistory<(int Shape, object[] Values), object[]>(
            plan, new HistoryComposer(options, contacts, untilUnixMs), columns.Values, StatusEventColumns.Values, ct);
        using var transaction = new BatchedTransaction(connection, options.BatchSize);
        var messages = MessageColumns.Shapes.Select(transaction.Prepare).ToArray();
        var events = transaction.Prepare(StatusEventColumns.Shape);
        var statusEvents = 0;
        foreach (var chunk in history.Chunks)
        {
            foreach (var (shape, values) in chunk.Messages)
            {
                messages[shape].Execute(values);
                transaction.Counted();
            }

            chunk.Events.ForEach(events.Execute);
            statusEvents += chunk.Events.Count;
        }

        var states = history.States();

        // In key order, so the Contacts primary key also only appends.
        var summaries = transaction.Prepare(ContactColumns.Shape);
        foreach (var index in ContactColumns.InKeyOrder(contacts))
        {
            summaries.Execute(ContactColumns.Values(contacts[index].Number, states[index]));
        }

        transaction.Commit();
        return statusEvents;
    }
}
