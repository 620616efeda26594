using WhatsApp.Domain.Events;

namespace WhatsApp.Domain.Ports;

/// <summary>The event log, the endpoints that subscribe to it and the deliveries to them.</summary>
public interface IEventWrites
{
    /// <summary>Records an event in the unit of work that makes the change it describes.</summary>
    Task AddEventAsync(MessageEvent message, CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> events not fanned out yet, oldest first (on PostgreSQL, none another instance is fanning out).</summary>
    Task<IReadOnlyList<MessageEvent>> EventsToFanOutAsync(int max, CancellationToken ct);

    /// <summary>Marks the events fanned out.</summary>
    Task MarkFannedOutAsync(IReadOnlyList<MessageEvent> events, CancellationToken ct);

    /// <summary>The endpoints not disabled.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> EnabledEndpointsAsync(CancellationToken ct);

    Task AddEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct);

    /// <summary>The endpoint, held for this unit until it ends.</summary>
    Task<WebhookEndpoint?> FindEndpointAsync(Guid id, CancellationToken ct);

    Task UpdateEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct);

    /// <summary>Deletes the endpoint with its deliveries and their attempts; false when there is none.</summary>
    Task<bool> DeleteEndpointAsync(Guid id, CancellationToken ct);

    /// <summary>False when the endpoint has this event's delivery already.</summary>
    Task<bool> TryAddDeliveryAsync(EventDelivery delivery, CancellationToken ct);

    /// <summary>
    /// Leases up to <paramref name="max"/> of the endpoint's due deliveries to <paramref name="owner"/> until
    /// <paramref name="until"/>, oldest first, at most one per contact and none of a contact whose earlier delivery is
    /// due or in flight, so a contact's events go out in order unless one waits for a retry. Each comes with its event.
    /// </summary>
    Task<IReadOnlyList<(EventDelivery Delivery, MessageEvent Event)>> ClaimDueDeliveriesAsync(
        Guid endpointId, int max, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken ct);

    /// <summary>Frees the leases <paramref name="owner"/> holds on <paramref name="deliveryIds"/>, for claimed deliveries it will not attempt.</summary>
    Task ReleaseDeliveriesAsync(IReadOnlyList<Guid> deliveryIds, string owner, CancellationToken ct);

    /// <summary>The delivery of the endpoint, if there is one.</summary>
    Task<EventDelivery?> FindDeliveryAsync(Guid endpointId, Guid deliveryId, CancellationToken ct);

    /// <summary>Stores the delivery's new state and frees its lease, with the attempt that led to it, if any.</summary>
    Task SaveDeliveryAsync(EventDelivery delivery, DeliveryAttempt? attempt, CancellationToken ct);

    /// <summary>Deletes up to <paramref name="max"/> succeeded deliveries created before <paramref name="before"/>, with their attempts; how many.</summary>
    Task<int> PurgeSucceededDeliveriesAsync(DateTimeOffset before, int max, CancellationToken ct);

    /// <summary>Deletes up to <paramref name="max"/> fanned-out events created before <paramref name="before"/> that no delivery refers to; how many.</summary>
    Task<int> PurgeUnneededEventsAsync(DateTimeOffset before, int max, CancellationToken ct);

    /// <summary>Makes every failed delivery of the endpoint created since <paramref name="since"/> due now, with a fresh schedule; how many.</summary>
    Task<int> RetryFailedDeliveriesAsync(Guid endpointId, DateTimeOffset since, DateTimeOffset now, CancellationToken ct);
}
