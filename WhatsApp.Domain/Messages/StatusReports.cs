using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Domain.Messages;

/// <summary>
/// Provider status reports: stored as they arrive, and weighed against their message's status once the message is
/// known. Plivo can report before the send's answer stores its id, so reports wait; they are applied when a report
/// arrives, when a send's outcome stores the id (<see cref="SendOutcomes"/>), and by the periodic sweep.
/// </summary>
public static class StatusReports
{
    /// <summary>
    /// Stores a report and applies what waits for its message. One whose callback URL names its message
    /// (<paramref name="reference"/>) first gives that message the provider id if it has none yet (its send outcome
    /// unknown, or its answer not stored yet); a message that has an id keeps it.
    /// </summary>
    public static async Task<WebhookOutcome> ReceiveAsync(
        IWriteContext writes, StatusReport report, Guid? reference, DateTimeOffset receivedAt, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(report);

        // Unique on (provider id, status, sequence): a redelivered report is a no-op.
        if (!await writes.TryAddStatusReportAsync(MessageStatusEvent.From(report, Guid.CreateVersion7(receivedAt), receivedAt), ct))
        {
            return WebhookOutcome.Duplicate;
        }

        if (reference is { } messageId)
        {
            await writes.ClaimProviderIdAsync(messageId, report.ProviderMessageId, ct);
        }

        if (report.Conversation is { } conversation)
        {
            await writes.SetConversationAsync(report.ProviderMessageId, conversation, ct);
        }

        await ApplyWaitingAsync(writes, report.ProviderMessageId, now, ct);
        return WebhookOutcome.Processed;
    }

    /// <summary>Weighs the reports waiting for <paramref name="providerMessageId"/> against its message, if we know it.</summary>
    public static async Task ApplyWaitingAsync(IWriteContext writes, string providerMessageId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var waiting = await writes.WaitingReportsAsync(providerMessageId, ct);
        if (waiting.Count == 0 || await writes.FindOutboundAsync(providerMessageId, ct) is not { } message)
        {
            return;
        }

        await writes.MarkAppliedAsync(waiting, message.Id, ct);
        if (MessageStatusRules.Weigh(message.Status, waiting) is not { } change || !await writes.ChangeStatusAsync(message.Id, change, now, ct))
        {
            return;
        }

        if (change.IsFailure)
        {
            await Conversations.CountFailureAsync(writes, message.Contact, ct);
        }

        if (MessageEvent.Of(message.Id, message.Contact, message.From, change.To, now) is { } changed)
        {
            await writes.AddEventAsync(changed, ct);
        }
    }
}
