using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Domain.Ports;

/// <summary>Stores and processes provider webhooks (inbound messages and status reports), each exactly once.</summary>
public interface IWebhookInbox
{
    /// <summary>
    /// Stores the raw receipt and processes it in one transaction; returns only after the commit. A redelivery is a
    /// no-op (<see cref="WebhookOutcome.Duplicate"/>); a nonce seen within the replay window stores nothing.
    /// </summary>
    Task<WebhookOutcome> IngestAsync(WebhookDelivery delivery, CancellationToken ct);

    /// <summary>Receipts that could not be processed, oldest first.</summary>
    Task<IReadOnlyList<WebhookReceipt>> ListUnprocessedAsync(int limit, CancellationToken ct);

    /// <summary>
    /// Processes a stored receipt again. Null when no receipt has that id; a <see cref="Common.ConflictException"/> when its
    /// fields were erased (the receipt is left as it is).
    /// </summary>
    Task<WebhookOutcome?> ReplayAsync(Guid receiptId, CancellationToken ct);
}
