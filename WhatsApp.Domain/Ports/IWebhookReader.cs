using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Domain.Ports;

/// <summary>Reads a provider's webhook fields; never throws for what a webhook holds (<see cref="ReadWebhook.Error"/> says why).</summary>
public interface IWebhookReader
{
    /// <summary>
    /// Reads <paramref name="delivery"/>, first made storable (<see cref="ReadWebhook.Delivery"/>); an inbound message
    /// gets a new id from its receipt time.
    /// </summary>
    ReadWebhook Read(WebhookDelivery delivery);
}
