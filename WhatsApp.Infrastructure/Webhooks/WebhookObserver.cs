using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Observability;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>Counts each webhook received and logs the ones that need a person's eye: replays and unprocessed ones.</summary>
internal sealed partial class WebhookObserver(GatewayMetrics metrics, ILogger<WebhookObserver> logger) : IWebhookObserver
{
    public void Handled(WebhookHandled handled)
    {
        ArgumentNullException.ThrowIfNull(handled);
        var delivery = handled.Webhook.Delivery;
        if (!handled.Replay)
        {
            metrics.Webhook(handled.Webhook.Kind, handled.Outcome, delivery.ReceivedAt);
        }

        if (handled.Outcome == WebhookOutcome.NonceReplayed)
        {
            // The query string of a GET webhook carries the message; only the path is logged.
            LogReplay(delivery.Method, delivery.Url.Split('?', 2)[0]);
        }
        else if (handled.Outcome == WebhookOutcome.Unprocessed)
        {
            LogUnprocessed(handled.ReceiptId, handled.Webhook.Kind, handled.Webhook.Error?.Split(':', 2)[0] ?? "unknown");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a webhook whose nonce was already used ({Method} {Url}): possible replay")]
    private partial void LogReplay(string method, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook receipt {ReceiptId} ({Kind}) could not be processed: {Error}; kept for replay")]
    private partial void LogUnprocessed(Guid receiptId, string kind, string error);
}
