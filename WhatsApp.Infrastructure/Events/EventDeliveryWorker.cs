using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Events;

/// <summary>
/// Runs on every instance: leases each endpoint's due deliveries (made by <see cref="EventFanOutWorker"/>) up to its
/// own concurrency limit and sends them, each on its own task, so a slow or dead endpoint only ever holds its own
/// slots. On shutdown it stops claiming and lets the deliveries in flight finish.
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
    private readonly string _owner = $"events/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<Guid, int> _inFlight = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly SemaphoreSlim _wake = new(0);
    private DateTimeOffset _nextCount;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var busy = false;
                try
                {
                    busy = await ClaimAndStartAsync(stoppingToken);
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

        // A routine stop lets what is in flight finish (each POST is bounded by the timeout); a delivery cut off by the
        // host's own deadline stays leased and is retried by any instance once its lease runs out.
        await Task.WhenAll(_running.Keys);
    }

    // Whether any endpoint filled its slots (there may be more to claim at once).
    private async Task<bool> ClaimAndStartAsync(CancellationToken ct)
    {
        var limit = options.Value.ConcurrencyPerEndpoint;
        var full = false;
        foreach (var endpoint in await queries.EndpointsWithDueDeliveriesAsync(time.GetUtcNow(), ct))
        {
            var free = limit - _inFlight.GetValueOrDefault(endpoint.Id);
            if (free <= 0)
            {
                continue;
            }

            var claimed = await deliveries.ClaimAsync(endpoint.Id, free, _owner, ct);
            full |= claimed.Count == free;
            foreach (var (delivery, message) in claimed)
            {
                _inFlight.AddOrUpdate(endpoint.Id, 1, (_, n) => n + 1);
                var task = DeliverAsync(delivery, message, endpoint);
                _running.TryAdd(task, 0);
                _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
            }
        }

        return full;
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

    // Not cancelled by the stop: a POST under way finishes (or times out) and its outcome is stored. The endpoint's slot
    // is free once the POST is done; the outcome is stored after (the delivery stays leased until then).
    private async Task DeliverAsync(EventDelivery delivery, MessageEvent message, WebhookEndpoint endpoint)
    {
        await Task.Yield();
        var slotHeld = true;
        try
        {
            var attempt = await deliveries.AttemptAsync(endpoint, message, CancellationToken.None);
            FreeSlot(endpoint.Id);
            slotHeld = false;
            await deliveries.RecordAsync(delivery, endpoint, attempt, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Its lease runs out and another round (here or elsewhere) tries again.
            LogDeliveryFailed(ex, delivery.Id);
        }
        finally
        {
            if (slotHeld)
            {
                FreeSlot(endpoint.Id);
            }
        }
    }

    // A round claims for the free slots; waking it for every slot that frees costs a claim per delivery, so it is
    // woken when half the endpoint's slots are free (and by the poll meanwhile).
    private void FreeSlot(Guid endpointId)
    {
        var left = _inFlight.AddOrUpdate(endpointId, 0, (_, n) => n - 1);
        if (left <= options.Value.ConcurrencyPerEndpoint / 2 && _wake.CurrentCount == 0)
        {
            _wake.Release();
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
}
