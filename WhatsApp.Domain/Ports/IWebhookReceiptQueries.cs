using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Domain.Ports;

/// <summary>Reads stored webhook receipts.</summary>
public interface IWebhookReceiptQueries
{
    /// <summary>Receipts that could not be processed, oldest first.</summary>
    Task<IReadOnlyList<WebhookReceipt>> ListUnprocessedAsync(int limit, CancellationToken ct);
}
