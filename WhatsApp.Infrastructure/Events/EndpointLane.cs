using System.Collections.Concurrent;
using WhatsApp.Domain.Events;

namespace WhatsApp.Infrastructure.Events;

/// <summary>
/// One endpoint's deliveries on this instance (<see cref="EventDeliveryWorker"/>): claimed and waiting, and the POSTs
/// under way, never more than the endpoint's limit. Safe for the claim round and the finishing POSTs at once.
/// </summary>
internal sealed class EndpointLane
{
    private readonly ConcurrentQueue<ClaimedDelivery> _waiting = new();
    private int _inFlight;

    public WebhookEndpoint Endpoint { get; set; } = null!;

    /// <summary>Whether its last POST took long: the lane then claims less ahead, so nothing waits near its lease's end.</summary>
    public bool Slow { get; set; }

    public int Waiting => _waiting.Count;

    /// <summary>How many more to claim for <paramref name="depth"/> claimed (waiting and under way) in all.</summary>
    public int Wanted(int depth) => depth - _waiting.Count - Volatile.Read(ref _inFlight);

    public void Add(IEnumerable<ClaimedDelivery> claimed)
    {
        foreach (var delivery in claimed)
        {
            _waiting.Enqueue(delivery);
        }
    }

    /// <summary>Takes the next waiting delivery and a slot for it, if one of <paramref name="limit"/> is free.</summary>
    public bool TryStart(int limit, out ClaimedDelivery delivery)
    {
        while (true)
        {
            delivery = null!;
            var inFlight = Volatile.Read(ref _inFlight);
            if (inFlight >= limit || _waiting.IsEmpty)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _inFlight, inFlight + 1, inFlight) != inFlight)
            {
                continue;
            }

            if (_waiting.TryDequeue(out delivery!))
            {
                return true;
            }

            Interlocked.Decrement(ref _inFlight);
            return false;
        }
    }

    public void Finished() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Empties the lane of what waits; the deliveries taken out stay leased until given back or their lease ends.</summary>
    public List<ClaimedDelivery> TakeWaiting()
    {
        var taken = new List<ClaimedDelivery>();
        while (_waiting.TryDequeue(out var delivery))
        {
            taken.Add(delivery);
        }

        return taken;
    }
}
