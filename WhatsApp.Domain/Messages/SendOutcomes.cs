using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Messages;

/// <summary>Stores what a send attempt came to, with what follows from it, in one unit of work.</summary>
public static class SendOutcomes
{
    /// <summary>Marks the messages a dispatcher left sending when its lease ran out (it crashed) outcome unknown; how many.</summary>
    public static async Task<int> ReleaseAbandonedAsync(IWriteContext writes, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var released = await writes.ReleaseAbandonedAsync(now, ct);
        foreach (var message in released)
        {
            await writes.AddEventAsync(MessageEvent.Of(message.Id, message.Contact, message.From, MessageStatus.OutcomeUnknown, now)!, ct);
        }

        return released.Count;
    }

    public static async Task RecordAsync(IWriteContext writes, Message message, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(message);
        if (!await writes.TrySaveSendOutcomeAsync(message, ct))
        {
            // A report carrying the message's ref arrived before this answer: it is later news than the answer (a
            // retry now would send the message twice), so it stays, and so does the uuid it brought.
            await writes.SaveSettledSendAsync(message, ct);
            return;
        }

        if (message.Status == MessageStatus.Failed)
        {
            await Conversations.CountFailureAsync(writes, message.Contact, ct);
        }

        // Sent, failed or outcome unknown; a retry scheduled (queued again) tells nobody.
        if (MessageEvent.Of(message.Id, message.Contact, message.From, message.Status, now) is { } outcome)
        {
            await writes.AddEventAsync(outcome, ct);
        }

        // Plivo can report before the answer stores its id; almost always nothing waits, and then nothing else is read.
        if (message.ProviderMessageId is { } providerMessageId && await writes.HasWaitingReportsAsync(providerMessageId, ct))
        {
            await StatusReports.ApplyWaitingAsync(writes, providerMessageId, now, ct);
        }
    }
}
