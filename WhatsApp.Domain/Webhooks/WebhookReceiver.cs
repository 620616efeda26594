using WhatsApp.Domain.Common;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Webhooks;

/// <summary>
/// Receiving a provider's webhook, and replaying a stored one: the receipt is stored raw, in the same unit of work
/// that applies it, so nothing acknowledged is lost; a duplicate changes nothing.
/// </summary>
public sealed class WebhookReceiver(
    IUnitOfWork unitOfWork, IWebhookReader reader, IWebhookObserver observer, WebhookPolicy policy, TimeProvider time)
{
    /// <summary>Stores and applies <paramref name="delivery"/>; answers after the commit.</summary>
    public async Task<WebhookOutcome> ReceiveAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var read = reader.Read(delivery);
        var now = time.GetUtcNow();
        var receiptId = Guid.CreateVersion7(now);
        var outcome = await unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                if (!await writes.TryTakeNonceAsync(read.Delivery.Nonce, now, policy.NonceReplayWindow, token))
                {
                    return WebhookOutcome.NonceReplayed;
                }

                var receipt = WebhookReceipt.From(read.Delivery, receiptId, read.Kind, read.Contact);
                var applied = await ApplyAsync(writes, read, receipt, now, token);
                await writes.AddReceiptAsync(receipt, token);
                return applied;
            },
            ct);
        observer.Handled(new WebhookHandled(read, receiptId, outcome, Replay: false));
        return outcome;
    }

    /// <summary>
    /// Applies a stored receipt again. Null when there is no such receipt; a <see cref="ConflictException"/> when its
    /// fields were erased (processing nothing would only mark it unprocessed), and it is left as it is.
    /// </summary>
    public async Task<WebhookOutcome?> ReplayAsync(Guid receiptId, CancellationToken ct)
    {
        var result = await unitOfWork.ExecuteAsync<(WebhookOutcome Outcome, ReadWebhook Read)?>(
            async (writes, token) =>
            {
                if (await writes.FindReceiptAsync(receiptId, token) is not { } receipt)
                {
                    return null;
                }

                if (receipt.Fields.Count == 0)
                {
                    throw new ConflictException($"Webhook receipt '{receiptId}' holds no fields (its content was erased): there is nothing to replay.");
                }

                var read = reader.Read(receipt.ToDelivery());
                var outcome = await ApplyAsync(writes, read, receipt, time.GetUtcNow(), token);
                await writes.UpdateReceiptAsync(receipt, token);
                return (outcome, read);
            },
            ct);
        if (result is not { } handled)
        {
            return null;
        }

        observer.Handled(new WebhookHandled(handled.Read, receiptId, handled.Outcome, Replay: true));
        return handled.Outcome;
    }

    private static async Task<WebhookOutcome> StoreInboundAsync(IWriteContext writes, Message message, DateTimeOffset now, CancellationToken ct)
    {
        if (!await Conversations.StoreAsync(writes, message, ct))
        {
            return WebhookOutcome.Duplicate;
        }

        await writes.AddEventAsync(MessageEvent.Of(message, now), ct);
        return WebhookOutcome.Processed;
    }

    /// <summary>Applies what the webhook says and records the outcome on its receipt (an object of this run's).</summary>
    private static async Task<WebhookOutcome> ApplyAsync(
        IWriteContext writes, ReadWebhook read, WebhookReceipt receipt, DateTimeOffset now, CancellationToken ct)
    {
        if (read.Error is { } error)
        {
            receipt.MarkFailed(error);
            return WebhookOutcome.Unprocessed;
        }

        var outcome = read switch
        {
            { Inbound: { } message } => await StoreInboundAsync(writes, message, now, ct),
            { Status: { } report } => await StatusReports.ReceiveAsync(writes, report, read.Reference, read.Delivery.ReceivedAt, now, ct),
            _ => throw new InvalidOperationException("A webhook read without error is an inbound message or a status report."),
        };
        receipt.MarkProcessed(outcome, now);
        return outcome;
    }
}
