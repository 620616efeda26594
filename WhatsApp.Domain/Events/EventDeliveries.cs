using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Events;

/// <summary>
/// Delivering events: an endpoint's due deliveries are leased to this instance, POSTed, and their outcome stored with
/// the attempt; the endpoint is disabled when it answers <c>410 Gone</c> or has failed for too long.
/// </summary>
public sealed class EventDeliveries(IUnitOfWork unitOfWork, IEventBodies bodies, IEventSender sender, IEventObserver observer, DeliveryPolicy policy, TimeProvider time)
{
    public const int PurgeBatch = 1000;

    /// <summary>How old a claimed delivery's body may be when its POST starts; an older one is rendered again.</summary>
    public static readonly TimeSpan BodyFreshFor = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Leases up to <paramref name="max"/> of the endpoint's due deliveries to <paramref name="owner"/>, each with its
    /// event and its body, rendered now for the whole batch (one read of their messages, not one per POST).
    /// </summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(Guid endpointId, int max, string owner, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claimed = await unitOfWork.ExecuteInBackgroundAsync((writes, token) => writes.ClaimDueDeliveriesAsync(endpointId, max, owner, now + policy.Lease, now, token), ct);
        if (claimed.Count == 0)
        {
            return [];
        }

        var rendered = await bodies.RenderAsync(claimed.Select(c => c.Event).ToList(), ct);
        var at = time.GetUtcNow();
        return claimed.Select((c, i) => new ClaimedDelivery(c.Delivery, c.Event, rendered[i], at)).ToList();
    }

    /// <summary>Gives back claimed deliveries this instance will not attempt (it is stopping), so any instance may claim them now.</summary>
    public Task ReleaseAsync(IReadOnlyList<ClaimedDelivery> claimed, string owner, CancellationToken ct)
    {
        var ids = claimed.Select(c => c.Delivery.Id).ToList();
        return ids.Count == 0 ? Task.CompletedTask : unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                await writes.ReleaseDeliveriesAsync(ids, owner, token);
                return true;
            },
            ct);
    }

    /// <summary>
    /// Deletes succeeded deliveries (with their attempts) created before <see cref="DeliveryPolicy.KeepSucceeded"/>
    /// ago, then the events of that age no delivery refers to; a batch per unit, so writers are never held long.
    /// Failed deliveries stay until retried or their endpoint is deleted. How many deliveries and events went.
    /// </summary>
    public async Task<(int Deliveries, int Events)> PurgeAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow() - policy.KeepSucceeded;
        var deliveries = await RepeatAsync((writes, token) => writes.PurgeSucceededDeliveriesAsync(before, PurgeBatch, token), ct);
        var events = await RepeatAsync((writes, token) => writes.PurgeUnneededEventsAsync(before, PurgeBatch, token), ct);
        return (deliveries, events);
    }

    private async Task<int> RepeatAsync(Func<IWriteContext, CancellationToken, Task<int>> batch, CancellationToken ct)
    {
        int total = 0, deleted;
        do
        {
            deleted = await unitOfWork.ExecuteAsync(batch, ct);
            total += deleted;
        }
        while (deleted == PurgeBatch);
        return total;
    }

    /// <summary>POSTs the claimed delivery's event to its endpoint: what came of it, not yet stored (<see cref="RecordAsync"/>).</summary>
    public async Task<(DeliveryResult Result, DateTimeOffset At)> AttemptAsync(WebhookEndpoint endpoint, ClaimedDelivery claimed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var body = claimed.Body;
        if (time.GetUtcNow() - claimed.RenderedAt > BodyFreshFor)
        {
            // It waited behind a slow endpoint's POSTs: render it again, so content erased meanwhile is not sent.
            body = (await bodies.RenderAsync([claimed.Event], ct))[0];
        }

        var attemptedAt = time.GetUtcNow();
        return (await sender.SendAsync(endpoint, claimed.Event.Id, body, ct), attemptedAt);
    }

    /// <summary>
    /// Stores an attempt's outcome with the delivery's new state, freeing its lease. Until then the delivery stays
    /// leased, so nobody claims it again and its contact's later events wait; the caller may start other POSTs meanwhile.
    /// </summary>
    public async Task RecordAsync(EventDelivery delivery, WebhookEndpoint endpoint, (DeliveryResult Result, DateTimeOffset At) attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(endpoint);
        var result = attempt.Result;
        var disabled = await StoreOutcomeAsync(delivery.Id, endpoint, result, attempt.At, ct);
        observer.Attempted(delivery, result);
        if (disabled is not null)
        {
            observer.EndpointDisabled(disabled);
        }
    }

    // The endpoint disabled by this outcome, if it was.
    private Task<WebhookEndpoint?> StoreOutcomeAsync(Guid deliveryId, WebhookEndpoint claimedFor, DeliveryResult result, DateTimeOffset attemptedAt, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return unitOfWork.ExecuteInBackgroundAsync<WebhookEndpoint?>(
            async (writes, token) =>
            {
                // Read again in the unit: a deletion may have happened while the POST was out.
                if (await writes.FindDeliveryAsync(claimedFor.Id, deliveryId, token) is not { } stored)
                {
                    return null;
                }

                stored.Record(result, policy, now);
                await writes.SaveDeliveryAsync(stored, DeliveryAttempt.Of(stored, result, attemptedAt), token);

                // A success changes the endpoint only when it was failing: as of this round's read, which is fresh
                // enough (a success in a later round clears what this one missed).
                if (result.Succeeded && claimedFor.FailingSince is null)
                {
                    return null;
                }

                if (await writes.FindEndpointAsync(claimedFor.Id, token) is not { } endpoint)
                {
                    return null;
                }

                var (failingSince, wasDisabled) = (endpoint.FailingSince, endpoint.Disabled);
                var disabled = endpoint.RecordDelivery(result, now, policy.DisableAfter);
                if (endpoint.FailingSince != failingSince || endpoint.Disabled != wasDisabled)
                {
                    await writes.UpdateEndpointAsync(endpoint, token);
                }

                return disabled ? endpoint : null;
            },
            ct);
    }
}
