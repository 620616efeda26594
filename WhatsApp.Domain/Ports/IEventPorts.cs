using WhatsApp.Domain.Events;

namespace WhatsApp.Domain.Ports;

/// <summary>
/// Renders events' bodies (<c>{"type", "timestamp", "data"}</c>): each message as the API shows it now, with the
/// event's status and sequence, so content erased since is not sent.
/// </summary>
public interface IEventBodies
{
    /// <summary>The body of each of <paramref name="events"/>, in their order, from one read of their messages.</summary>
    Task<IReadOnlyList<string>> RenderAsync(IReadOnlyList<MessageEvent> events, CancellationToken ct);
}

/// <summary>POSTs an event's body to an endpoint, signed with its secrets, and reports what came of it; never throws for the receiver's failures.</summary>
public interface IEventSender
{
    Task<DeliveryResult> SendAsync(WebhookEndpoint endpoint, Guid eventId, string body, CancellationToken ct);
}

/// <summary>Told of each delivery attempt and each endpoint the gateway disabled, after the commit: for logs and metrics.</summary>
public interface IEventObserver
{
    void Attempted(EventDelivery delivery, DeliveryResult result);

    void EndpointDisabled(WebhookEndpoint endpoint);

    /// <summary>How many deliveries wait to succeed or fail (first attempts and retries), counted now.</summary>
    void PendingCounted(long pending);
}

/// <summary>What the delivery worker and the endpoints API read.</summary>
public interface IEventQueries
{
    /// <summary>The enabled endpoints that have deliveries due.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> EndpointsWithDueDeliveriesAsync(DateTimeOffset now, CancellationToken ct);

    Task<WebhookEndpoint?> FindEndpointAsync(Guid id, CancellationToken ct);

    /// <summary>The deliveries not yet succeeded or failed, over every endpoint.</summary>
    Task<long> CountPendingDeliveriesAsync(CancellationToken ct);

    Task<MessageEvent?> FindEventAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="limit"/> events made at or after <paramref name="since"/> and after the event
    /// <paramref name="after"/> (for the next page), oldest first: the inbox's live updates.
    /// </summary>
    Task<IReadOnlyList<MessageEvent>> EventsSinceAsync(DateTimeOffset since, Guid? after, int limit, CancellationToken ct);

    /// <summary>A page of endpoints in id order, after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(Guid? after, int limit, CancellationToken ct);

    /// <summary>A page of the endpoint's deliveries, newest first, before <paramref name="before"/>, each with its event and attempts.</summary>
    Task<IReadOnlyList<(EventDelivery Delivery, MessageEvent Event, IReadOnlyList<DeliveryAttempt> Attempts)>> ListDeliveriesAsync(
        Guid endpointId, DeliveryStatus? status, Guid? before, int limit, CancellationToken ct);
}
