using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Events;
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

    public Task MarkFannedOutAsync(MessageEvent message, CancellationToken ct) =>
        session.Sql<MessageEvent>(WriteSql.MarkFannedOut)
            .Set("@true", nameof(MessageEvent.FannedOut), true)
            .Set("@id", nameof(MessageEvent.Id), message.Id)
            .DeferAsync(ct);

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

    public async Task<IReadOnlyList<EventDelivery>> ClaimDueDeliveriesAsync(
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

        return ids.Count == 0
            ? []
            : await Db.EventDeliveries.AsNoTracking().Where(d => ids.Contains(d.Id)).OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).ToListAsync(ct);
    }

    public async Task<EventDelivery?> FindDeliveryAsync(Guid endpointId, Guid deliveryId, CancellationToken ct)
    {
        await Flushed(ct);
        return await Db.EventDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, ct);
    }

    public async Task SaveDeliveryAsync(EventDelivery delivery, DeliveryAttempt? attempt, CancellationToken ct)
    {
        // The whole row, its lease (shadow columns, not given) freed.
        await session.DeferAsync(session.InsertCommand(delivery, RowInsert.ReplaceRow), ct);
        if (attempt is not null)
        {
            await session.DeferAsync(session.InsertCommand(attempt, null), ct);
        }
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
