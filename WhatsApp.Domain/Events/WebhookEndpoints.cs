using WhatsApp.Domain.Common;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Events;

/// <summary>Managing the endpoints events go to: create, change, rotate the secret, delete, retry and test.</summary>
public sealed class WebhookEndpoints(IUnitOfWork unitOfWork, DeliveryPolicy policy, TimeProvider time)
{
    public async Task<WebhookEndpoint> CreateAsync(
        string url, string? description, IReadOnlyList<string>? eventTypes, IReadOnlyList<string>? senders, CancellationToken ct)
    {
        var endpoint = WebhookEndpoint.Create(url, description, eventTypes, senders, time.GetUtcNow());
        await unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                await writes.AddEndpointAsync(endpoint, token);
                return true;
            },
            ct);
        return endpoint;
    }

    /// <summary>Changes what is given (null leaves a field as it is); re-enabling clears the reason and the failing streak.</summary>
    public Task<WebhookEndpoint> ChangeAsync(
        Guid id, string? url, string? description, IReadOnlyList<string>? eventTypes, IReadOnlyList<string>? senders, bool? disabled, CancellationToken ct) =>
        WithEndpointAsync(id, endpoint => endpoint.Change(url, description, eventTypes, senders, disabled, time.GetUtcNow()), ct);

    /// <summary>A new secret; the previous one keeps signing beside it for the policy's overlap.</summary>
    public Task<WebhookEndpoint> RotateSecretAsync(Guid id, CancellationToken ct) =>
        WithEndpointAsync(id, endpoint => endpoint.RotateSecret(time.GetUtcNow(), policy.SecretOverlap), ct);

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await unitOfWork.ExecuteAsync((writes, token) => writes.DeleteEndpointAsync(id, token), ct))
        {
            throw NotFound(id);
        }
    }

    /// <summary>Makes a delivery due now with a fresh schedule, whatever its state.</summary>
    public async Task<EventDelivery> RetryAsync(Guid endpointId, Guid deliveryId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                var delivery = await writes.FindDeliveryAsync(endpointId, deliveryId, token)
                    ?? throw new NotFoundException("Delivery", deliveryId.ToString());
                delivery.Retry(now);
                await writes.SaveDeliveryAsync(delivery, null, token);
                return delivery;
            },
            ct);
    }

    /// <summary>Makes every failed delivery created since <paramref name="since"/> due now; how many.</summary>
    public async Task<int> RecoverAsync(Guid endpointId, DateTimeOffset since, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await unitOfWork.ExecuteAsync(
            async (writes, token) => await writes.FindEndpointAsync(endpointId, token) is null
                ? throw NotFound(endpointId)
                : await writes.RetryFailedDeliveriesAsync(endpointId, since, now, token),
            ct);
    }

    /// <summary>Sends a <c>webhook.test</c> event to this endpoint only.</summary>
    public async Task<EventDelivery> TestAsync(Guid endpointId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var test = MessageEvent.Test(now);
        return await unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                var endpoint = await writes.FindEndpointAsync(endpointId, token) ?? throw NotFound(endpointId);
                await writes.AddEventAsync(test, token);
                var delivery = EventDelivery.For(endpoint, test, now);
                await writes.TryAddDeliveryAsync(delivery, token);
                return delivery;
            },
            ct);
    }

    private Task<WebhookEndpoint> WithEndpointAsync(Guid id, Action<WebhookEndpoint> change, CancellationToken ct) =>
        unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                var endpoint = await writes.FindEndpointAsync(id, token) ?? throw NotFound(id);
                change(endpoint);
                await writes.UpdateEndpointAsync(endpoint, token);
                return endpoint;
            },
            ct);

    private static NotFoundException NotFound(Guid id) => new("Webhook endpoint", id.ToString());
}
