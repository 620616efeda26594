using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Domain.Ports;

/// <summary>Told of each webhook handled, after its commit: for logs and metrics.</summary>
public interface IWebhookObserver
{
    void Handled(WebhookHandled handled);
}

/// <summary>A webhook received (or a stored one replayed) and what came of it.</summary>
public sealed record WebhookHandled(ReadWebhook Webhook, Guid ReceiptId, WebhookOutcome Outcome, bool Replay);
