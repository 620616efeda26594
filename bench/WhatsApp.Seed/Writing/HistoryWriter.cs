using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using WhatsApp.Seed.Planning;

namespace WhatsApp.Seed.Writing;

/// <summary>
/// Inserts the planned history in time order (so the primary key only ever appends) in large transactions. Rows are
/// composed and formatted on a second thread while this one binds and steps the prepared statements.
/// </summary>
internal static class HistoryWriter
{
    private const int ChunkSize = 256;

    public static int Write(SqliteConnection connection, PlannedMessage[] plan, ContactProfile[] contacts, SeedOptions options,
        long untilUnixMs, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var chunks = new BlockingCollection<Chunk>(boundedCapacity: 4);
        var producer = Task.Run(() => Produce(plan, new HistoryComposer(options, contacts, untilUnixMs), chunks, stop.Token), stop.Token);
        try
        {
            using var transaction = new BatchedTransaction(connection, options.BatchSize);
            var messages = MessageColumns.Shapes.Select(transaction.Prepare).ToArray();
            var events = transaction.Prepare(StatusEventColumns.Shape);
            var statusEvents = 0;
            foreach (var chunk in chunks.GetConsumingEnumerable(stop.Token))
            {
                foreach (var (shape, values) in chunk.Messages)
                {
                    messages[shape].Execute(values);
                    transaction.Counted();
                }

                chunk.Events.ForEach(events.Execute);
                statusEvents += chunk.Events.Count;
            }

            var states = producer.GetAwaiter().GetResult();

            // In key order, so the Contacts primary key also only appends.
            var summaries = transaction.Prepare(ContactColumns.Shape);
            foreach (var index in Enumerable.Range(0, contacts.Length).OrderBy(i => contacts[i].Number, StringComparer.Ordinal))
            {
                summaries.Execute(ContactColumns.Values(contacts[index].Number, states[index]));
            }

            transaction.Commit();
            return statusEvents;
        }
        catch
        {
            stop.Cancel();
            producer.ContinueWith(static _ => { }, TaskScheduler.Default).Wait(CancellationToken.None);
            throw;
        }
    }

    private static ContactState[] Produce(PlannedMessage[] plan, HistoryComposer composer, BlockingCollection<Chunk> chunks, CancellationToken ct)
    {
        try
        {
            var columns = new MessageColumns();
            for (var start = 0; start < plan.Length; start += ChunkSize)
            {
                var chunk = new Chunk(new List<(int, object[])>(ChunkSize), []);
                for (var i = start; i < Math.Min(start + ChunkSize, plan.Length); i++)
                {
                    composer.Compose(plan[i]);
                    chunk.Messages.Add(columns.Values(composer.Row));
                    chunk.Events.AddRange(composer.Events.Select(StatusEventColumns.Values));
                }

                chunks.Add(chunk, ct);
            }

            return composer.States;
        }
        finally
        {
            chunks.CompleteAdding();
        }
    }

    private sealed record Chunk(List<(int Shape, object[] Values)> Messages, List<object[]> Events);
}
