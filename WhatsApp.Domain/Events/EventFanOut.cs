using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Events;

/// <summary>
/// Turns new events into deliveries: a delivery for every endpoint subscribed to the event's type and sender when it is
/// fanned out (an endpoint made later does not get earlier events).
/// </summary>
public sealed class EventFanOut(IUnitOfWork unitOfWork, TimeProvider time)
{
    public const int Batch = 500;

    /// <summary>Fans out up to <see cref="Batch"/> events; how many.</summary>
    public Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return unitOfWork.ExecuteInBackgroundAsync(
            async (writes, token) =>
            {
                var pending = await writes.EventsToFanOutAsync(Batch, token);
                if (pending.Count == 0)
                {
                    return 0;
                }

                var endpoints = await writes.EnabledEndpointsAsync(token);
                await writes.MarkFannedOutAsync(pending, token);
                foreach (var message in pending)
                {
                    foreach (var endpoint in endpoints.Where(e => e.Subscribes(message)))
                    {
                        await writes.TryAddDeliveryAsync(EventDelivery.For(endpoint, message, now), token);
                    }
                }

                return pending.Count;
            },
            ct);
    }
}
