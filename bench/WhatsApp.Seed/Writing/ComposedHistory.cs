using System.Collections.Concurrent;
using WhatsApp.Seed.Planning;

namespace WhatsApp.Seed.Writing;

/// <summary>
/// Composes the planned history, in time order, on a second thread while the caller writes it: each message and
/// status report is converted there into what the database writer binds (<typeparamref name="TMessage"/>,
/// <typeparamref name="TEvent"/>), so serialization overlaps the writes. Disposing stops and awaits the composer.
/// </summary>
internal sealed class ComposedHistory<TMessage, TEvent> : IDisposable
{
    private const int ChunkSize = 256;

    private readonly CancellationTokenSource _stop;
    private readonly BlockingCollection<(List<TMessage> Messages, List<TEvent> Events)> _chunks = new(boundedCapacity: 4);
    private readonly Task<ContactState[]> _producer;

    public ComposedHistory(PlannedMessage[] plan, HistoryComposer composer, Func<MessageRow, TMessage> message,
        Func<StatusEventRow, TEvent> statusEvent, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _producer = Task.Run(() => Produce(plan, composer, message, statusEvent), _stop.Token);
    }

    /// <summary>The composed rows in chunks, in time order.</summary>
    public IEnumerable<(List<TMessage> Messages, List<TEvent> Events)> Chunks => _chunks.GetConsumingEnumerable(_stop.Token);

    /// <summary>Every contact's summary once all chunks are consumed (indexed like the planned contacts).</summary>
    public ContactState[] States() => _producer.GetAwaiter().GetResult();

    public void Dispose()
    {
        _stop.Cancel();
        _producer.ContinueWith(static _ => { }, TaskScheduler.Default).Wait(CancellationToken.None);
        _chunks.Dispose();
        _stop.Dispose();
    }

    private ContactState[] Produce(PlannedMessage[] plan, HistoryComposer composer, Func<MessageRow, TMessage> message,
        Func<StatusEventRow, TEvent> statusEvent)
    {
        try
        {
            for (var start = 0; start < plan.Length; start += ChunkSize)
            {
                var chunk = (Messages: new List<TMessage>(ChunkSize), Events: new List<TEvent>());
                for (var i = start; i < Math.Min(start + ChunkSize, plan.Length); i++)
                {
                    composer.Compose(plan[i]);
                    chunk.Messages.Add(message(composer.Row));
                    chunk.Events.AddRange(composer.Events.Select(statusEvent));
                }

                _chunks.Add(chunk, _stop.Token);
            }

            return composer.States;
        }
        finally
        {
            _chunks.CompleteAdding();
        }
    }
}
