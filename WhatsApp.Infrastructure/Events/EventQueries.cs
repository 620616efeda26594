using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.History;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Infrastructure.Events;

/// <summary>The reads of the event delivery worker and of the endpoints API, each on a context of its own.</summary>
internal sealed class EventQueries(IDbContextFactory<WhatsAppDbContext> contexts) : IEventQueries
{
    public async Task<IReadOnlyList<WebhookEndpoint>> EndpointsWithDueDeliveriesAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WebhookEndpoints.AsNoTracking()
            .Where(e => !e.Disabled && db.EventDeliveries.Any(d => d.EndpointId == e.Id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now))
            .ToListAsync(ct);
    }

    public async Task<WebhookEndpoint?> FindEndpointAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
    }

    public async Task<long> CountPendingDeliveriesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);

        // Endpoint by endpoint through the (EndpointId, Status, …) index.
        return await db.EventDeliveries.LongCountAsync(
            d => db.WebhookEndpoints.Select(e => e.Id).Contains(d.EndpointId) && d.Status == DeliveryStatus.Pending, ct);
    }

    public async Task<MessageEvent?> FindEventAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
    }

    public async Task<IReadOnlyList<MessageEvent>> EventsSinceAsync(DateTimeOffset since, Guid? after, int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);

        // Ids are UUID v7: "made since" is a range of the primary key.
        var from = UuidV7Bounds.AtOrAfter(since);
        var events = db.Events.AsNoTracking().Where(e => e.Id.CompareTo(from) >= 0);
        if (after is { } id)
        {
            events = events.Where(e => e.Id.CompareTo(id) > 0);
        }

        return await events.OrderBy(e => e.Id).Take(limit).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(Guid? after, int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoints = db.WebhookEndpoints.AsNoTracking();
        return await (after is { } from ? endpoints.Where(e => e.Id > from) : endpoints).OrderBy(e => e.Id).Take(limit).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<(EventDelivery Delivery, MessageEvent Event, IReadOnlyList<DeliveryAttempt> Attempts)>> ListDeliveriesAsync(
        Guid endpointId, DeliveryStatus? status, Guid? before, int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var deliveries = db.EventDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId);
        if (status is { } wanted)
        {
            deliveries = deliveries.Where(d => d.Status == wanted);
        }

        if (before is { } from)
        {
            deliveries = deliveries.Where(d => d.Id < from);
        }

        var page = await deliveries.OrderByDescending(d => d.Id).Take(limit)
            .Join(db.Events, d => d.EventId, e => e.Id, (d, e) => new { Delivery = d, Event = e })
            .ToListAsync(ct);
        var ids = page.Select(p => p.Delivery.Id).ToList();
        var attempts = (await db.DeliveryAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId);
        return page.OrderByDescending(p => p.Delivery.Id)
            .Select(p => (p.Delivery, p.Event, (IReadOnlyList<DeliveryAttempt>)attempts[p.Delivery.Id].OrderBy(a => a.AttemptedAt).ToList()))
            .ToList();
    }
}
