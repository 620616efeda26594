using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Messages;

/// <summary>Stores what a send attempt came to, with what follows from it, in one unit of work.</summary>
public static class SendOutcomes
{
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

        // Plivo can report before the answer stores its id; almost always nothing waits, and then nothing else is read.
        if (message.ProviderMessageId is { } providerMessageId && await writes.HasWaitingReportsAsync(providerMessageId, ct))
        {
            await StatusReports.ApplyWaitingAsync(writes, providerMessageId, now, ct);
        }
    }
}
