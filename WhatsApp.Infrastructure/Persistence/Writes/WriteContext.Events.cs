using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Events;
using WhatsApp.Infrastructure.History;
using static WhatsApp.Infrastructure.Persistence.Configurations.EventDeliveryConfiguration;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>The event log, its endpoints and their deliveries (leased as the outbox leases messages).</summary>
internal sealed partial class WriteContext
{
    public Task AddEventAsync(MessageEvent message, CancellationToken ct) => session.DeferAsync(session.InsertCommand(message, null), ct);

    public async Task<IReadOnlyList<MessageEvent>> EventsToFanOutAsync(int max, CancellationToken ct)
    {
        await Flushed(ct);
        var sql = session.IsPostgres ? WriteSql.EventsToFanOutSkipLocked : WriteSql.EventsToFanOut;
        return await Db.Events.FromSqlRaw(sql, false, max).AsNoTracking().ToListAsync(ct);
    }

    // One statement for the batch (EF sends the ids as one parameter), not one per event.
    public async Task MarkFannedOutAsync(IReadOnlyList<MessageEvent> events, CancellationToken ct)
    {
        await Flushed(ct);
        var ids = events.Select(e => e.Id).ToList();
        await Db.Events.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.FannedOut, true), ct);
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> EnabledEndpointsAsync(CancellationToken ct)
    {
        await Flushed(ct);
        return await Db.WebhookEndpoints.AsNoTracking().Where(e => !e.Disabled).ToListAsync(ct);
    }

    public Task AddEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct) => session.InsertAsync(endpoint, null, ct);

    public Task<WebhookEndpoint?> FindEndpointAsync(Guid id, CancellationToken ct) => session.FindAsync<WebhookEndpoint>(id, forUpdate: true, ct);

    public Task UpdateEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct) =>
        session.DeferAsync(session.InsertCommand(endpoint, RowInsert.ReplaceRow), ct);

    public async Task<bool> DeleteEndpointAsync(Guid id, CancellationToken ct)
    {
        await Flushed(ct);
        var deliveries = Db.EventDeliveries.Where(d => d.EndpointId == id).Select(d => d.Id);
        await Db.DeliveryAttempts.Where(a => deliveries.Contains(a.DeliveryId)).ExecuteDeleteAsync(ct);
        await Db.EventDeliveries.Where(d => d.EndpointId == id).ExecuteDeleteAsync(ct);
        return await Db.WebhookEndpoints.Where(e => e.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<bool> TryAddDeliveryAsync(EventDelivery delivery, CancellationToken ct) => await session.InsertAsync(delivery, null, ct) > 0;

    public async Task<IReadOnlyList<(EventDelivery Delivery, MessageEvent Event)>> ClaimDueDeliveriesAsync(
        Guid endpointId, int max, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken ct)
    {
        var ids = await session.Sql<EventDelivery>(session.IsPostgres ? WriteSql.ClaimDeliveriesSkipLocked : WriteSql.ClaimDeliveries)
            .Set("@owner", LeaseOwner, owner)
            .Set("@until", LeaseExpiresAt, until.UtcDateTime)
            .Set("@endpoint", nameof(EventDelivery.EndpointId), endpointId)
            .Set("@pending", nameof(EventDelivery.Status), DeliveryStatus.Pending)
            .Set("@now", nameof(EventDelivery.NextAttemptAt), now)
            .Set("@now_utc", LeaseExpiresAt, now.UtcDateTime)
            .Set("@max", nameof(EventDelivery.Attempts), max)
            .ReadIdsAsync(ct);

        if (ids.Count == 0)
        {
            return [];
        }

        var claimed = await Db.EventDeliveries.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Join(Db.Events.AsNoTracking(), d => d.EventId, e => e.Id, (d, e) => new { Delivery = d, Event = e })
            .ToListAsync(ct);
        return claimed.OrderBy(c => c.Delivery.NextAttemptAt).ThenBy(c => c.Delivery.Id).Select(c => (c.Delivery, c.Event)).ToList();
    }

    public async Task ReleaseDeliveriesAsync(IReadOnlyList<Guid> deliveryIds, string owner, CancellationToken ct)
    {
        await Flushed(ct);
        await Db.EventDeliveries.Where(d => deliveryIds.Contains(d.Id) && EF.Property<string?>(d, LeaseOwner) == owner).ExecuteUpdateAsync(
            s => s.SetProperty(d => EF.Property<string?>(d, LeaseOwner), (string?)null).SetProperty(d => EF.Property<DateTime?>(d, LeaseExpiresAt), (DateTime?)null),
            ct);
    }

    // Every attempt's outcome reads its delivery first: the prepared point read, not a query through EF.
    public async Task<EventDelivery?> FindDeliveryAsync(Guid endpointId, Guid deliveryId, CancellationToken ct) =>
        await session.FindAsync<EventDelivery>(deliveryId, forUpdate: true, ct) is { } found && found.EndpointId == endpointId ? found : null;

    public async Task SaveDeliveryAsync(EventDelivery delivery, DeliveryAttempt? attempt, CancellationToken ct)
    {
        // The whole row, its lease (shadow columns, not given) freed.
        await session.DeferAsync(session.InsertCommand(delivery, RowInsert.ReplaceRow), ct);
        if (attempt is not null)
        {
            await session.DeferAsync(session.InsertCommand(attempt, null), ct);
        }
    }

    public async Task<int> PurgeSucceededDeliveriesAsync(DateTimeOffset before, int max, CancellationToken ct)
    {
        await Flushed(ct);

        // Through each endpoint's (EndpointId, Status, Id) index; ids are UUID v7, so "created before" is an id range.
        var bound = UuidV7Bounds.AtOrAfter(before);
        var old = await Db.EventDeliveries
            .Where(d => Db.WebhookEndpoints.Select(e => e.Id).Contains(d.EndpointId)
                && d.Status == DeliveryStatus.Succeeded && d.Id.CompareTo(bound) < 0 && d.CreatedAt < before)
            .Select(d => d.Id).Take(max).ToListAsync(ct);
        if (old.Count > 0)
        {
            await Db.DeliveryAttempts.Where(a => old.Contains(a.DeliveryId)).ExecuteDeleteAsync(ct);
            await Db.EventDeliveries.Where(d => old.Contains(d.Id)).ExecuteDeleteAsync(ct);
        }

        return old.Count;
    }

    public async Task<int> PurgeUnneededEventsAsync(DateTimeOffset before, int max, CancellationToken ct)
    {
        await Flushed(ct);
        var bound = UuidV7Bounds.AtOrAfter(before);
        var old = await Db.Events
            .Where(e => e.Id.CompareTo(bound) < 0 && e.CreatedAt < before && e.FannedOut && !Db.EventDeliveries.Any(d => d.EventId == e.Id))
            .Select(e => e.Id).Take(max).ToListAsync(ct);
        return old.Count == 0 ? 0 : await Db.Events.Where(e => old.Contains(e.Id)).ExecuteDeleteAsync(ct);
    }

    public async Task<int> RetryFailedDeliveriesAsync(Guid endpointId, DateTimeOffset since, DateTimeOffset now, CancellationToken ct)
    {
        await Flushed(ct);
        return await Db.EventDeliveries
            .Where(d => d.EndpointId == endpointId && d.Status == DeliveryStatus.Failed && d.CreatedAt >= since)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.Attempts, 0)
                    .SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.UpdatedAt, now),
                ct);
    }
}
