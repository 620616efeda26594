using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Events;

/// <summary>
/// Runs on every instance: leases each endpoint's due deliveries (made by <see cref="EventFanOutWorker"/>) and sends
/// them, each on its own task, at most the endpoint's concurrency limit at a time, so a slow or dead endpoint only ever
/// holds its own slots. Each endpoint's lane keeps deliveries claimed and waiting beside the POSTs under way (several
/// limits' worth for an endpoint that answers fast, one for a slow one, so none waits near its lease's end): a finished
/// POST starts the next at once, and a claim round overlaps the POSTs instead of idling the slots. On shutdown it stops
/// claiming, gives back what waits, and lets the deliveries in flight finish.
/// </summary>
internal sealed partial class EventDeliveryWorker(
    EventDeliveries deliveries,
    IEventQueries queries,
    IEventObserver observer,
    IOptions<EventsOptions> options,
    TimeProvider time,
    ILogger<EventDeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan CountInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SlowPost = TimeSpan.FromSeconds(1);

    // A lease lasts the timeout and 30 s more from the claim: a POST started later might outlive it.
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(20);
    private readonly string _owner = $"events/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<Guid, EndpointLane> _lanes = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly SemaphoreSlim _wake = new(0);
    private DateTimeOffset _nextCount;
    private volatile bool _stopping;

    private int Limit => options.Value.ConcurrencyPerEndpoint;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var busy = false;
                try
                {
                    busy = await ClaimAsync(stoppingToken);
                    await CountPendingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRoundFailed(ex);
                }

                if (!busy)
                {
                    await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // A routine stop lets what is in flight finish (each POST is bounded by the timeout) and frees what waits; a
        // delivery cut off by the host's own deadline stays leased and is retried by any instance once its lease runs out.
        _stopping = true;
        await ReleaseWaitingAsync();
        await Task.WhenAll(_running.Keys);
    }

    // Whether a lane got all it asked for (there may be more to claim at once).
    private async Task<bool> ClaimAsync(CancellationToken ct)
    {
        var full = false;
        var due = await queries.EndpointsWithDueDeliveriesAsync(time.GetUtcNow(), ct);
        foreach (var gone in _lanes.Where(l => !due.Any(e => e.Id == l.Key)).Select(l => l.Value))
        {
            // What waits in a lane is due, so its endpoint is missing only when deleted or disabled: send none of it.
            gone.TakeWaiting();
        }

        foreach (var endpoint in due)
        {
            // A claim is not cut off by the stop: its leases are taken when it commits, so it finishes and its
            // deliveries join the lane, to be given back with the rest.
            ct.ThrowIfCancellationRequested();
            var lane = _lanes.GetOrAdd(endpoint.Id, _ => new EndpointLane());
            lane.Endpoint = endpoint;
            var wanted = lane.Wanted((lane.Slow ? 2 : 6) * Limit);
            if (wanted <= 0)
            {
                continue;
            }

            var claimed = await deliveries.ClaimAsync(endpoint.Id, wanted, _owner, CancellationToken.None);
            full |= claimed.Count == wanted;
            lane.Add(claimed);
            StartWaiting(lane);
        }

        return full;
    }

    // Starts the lane's waiting deliveries while it has free slots.
    private void StartWaiting(EndpointLane lane)
    {
        while (!_stopping && lane.TryStart(Limit, out var delivery))
        {
            var task = DeliverAsync(delivery, lane);
            _running.TryAdd(task, 0);
            _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    // Not cancelled by the stop: a POST under way finishes (or times out) and its outcome is stored. The slot is free
    // once the POST is done and goes to the next waiting delivery; the outcome is stored after (the delivery stays
    // leased until then).
    private async Task DeliverAsync(ClaimedDelivery claimed, EndpointLane lane)
    {
        await Task.Yield();
        var endpoint = lane.Endpoint;
        var slotHeld = true;
        try
        {
            if (time.GetUtcNow() - claimed.RenderedAt > StartWithin)
            {
                // It waited too long behind a slowed endpoint: its lease runs out and it is claimed afresh.
                return;
            }

            var attempt = await deliveries.AttemptAsync(endpoint, claimed, CancellationToken.None);
            lane.Slow = attempt.Result.Duration > SlowPost;
            if (attempt.Result.Gone)
            {
                // The endpoint is being disabled: what waits is not sent (it stays pending, for a re-enabled endpoint).
                lane.TakeWaiting();
            }

            FreeSlot(lane);
            slotHeld = false;
            await deliveries.RecordAsync(claimed.Delivery, endpoint, attempt, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Its lease runs out and another round (here or elsewhere) tries again.
            LogDeliveryFailed(ex, claimed.Delivery.Id);
        }
        finally
        {
            if (slotHeld)
            {
                FreeSlot(lane);
            }
        }
    }

    // A round is woken when the lane's waiting deliveries fall below one limit's worth (and by the poll meanwhile),
    // not for every slot that frees: each round costs a claim.
    private void FreeSlot(EndpointLane lane)
    {
        lane.Finished();
        StartWaiting(lane);
        if (lane.Waiting < Limit && _wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private async Task ReleaseWaitingAsync()
    {
        var waiting = _lanes.Values.SelectMany(lane => lane.TakeWaiting()).ToList();

        try
        {
            await deliveries.ReleaseAsync(waiting, _owner, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Their leases run out instead.
            LogReleaseFailed(ex, waiting.Count);
        }
    }

    // For the pending gauge, every few seconds rather than every round.
    private async Task CountPendingAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now >= _nextCount)
        {
            observer.PendingCounted(await queries.CountPendingDeliveriesAsync(ct));
            _nextCount = now + CountInterval;
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event delivery round failed; trying again shortly")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering {DeliveryId} failed before its outcome was stored; it is retried when its lease runs out")]
    private partial void LogDeliveryFailed(Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving back {Count} claimed deliveries at shutdown failed; they are retried when their leases run out")]
    private partial void LogReleaseFailed(Exception exception, int count);
}
