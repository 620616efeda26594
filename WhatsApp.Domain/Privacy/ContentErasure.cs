using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Privacy;

/// <summary>
/// Data protection: erases what people wrote (bodies, captions, media links, templates, interactive and location
/// payloads, raw webhook fields) and keeps the delivery metadata (ids, numbers, type, status and its history, provider
/// id, errors, template name, times), so reporting and deduplication keep working. Erasing twice changes nothing.
/// </summary>
public sealed class ContentErasure(IUnitOfWork unitOfWork, IErasureObserver observer, TimeProvider time, int batchSize = ContentErasure.DefaultBatchSize)
{
    /// <summary>Rows per retention unit of work: small enough that a large first run never holds one long write.</summary>
    public const int DefaultBatchSize = 5000;

    // Queued or sending messages may still go out; their content must be there when they do.
    private static readonly MessageStatus[] MaySendYet = [MessageStatus.Queued, MessageStatus.Sending];

    /// <summary>
    /// Erases the content of every message to or from <paramref name="contact"/> (E.164), of its webhook receipts and of
    /// staff's notes about it, in one unit of work that also records who erased it (<paramref name="erasedBy"/>, when known).
    /// </summary>
    public async Task<ErasureResult> EraseContactAsync(string contact, string? erasedBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contact);
        var now = time.GetUtcNow();
        var erased = await unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                // A queued message without its content must not go out empty: it fails instead, visibly. One being sent
                // right now keeps its status; if that attempt ends in a retry, the dispatcher fails it on the next.
                var failed = await writes.FailQueuedMessagesAsync(contact, MessageContent.ErasedErrorCode, MessageContent.ErasedReason, token);
                foreach (var message in failed)
                {
                    await writes.AddEventAsync(MessageEvent.Of(message.Id, message.Contact, message.From, MessageStatus.Failed, now)!, token);
                }

                var result = await writes.EraseContactContentAsync(contact, token);
                if (erasedBy is not null)
                {
                    await writes.AddActivityAsync(ConversationActivity.Of(contact, ConversationActivityKind.Erased, erasedBy, null, now), token);
                }

                return result;
            },
            ct);
        observer.ContactErased(contact, erased);
        return erased;
    }

    /// <summary>
    /// Erases the content of messages created and webhook receipts received before <paramref name="cutoff"/>, in
    /// batches of <c>batchSize</c>, each its own unit of work. Messages that may still be sent are left alone.
    /// </summary>
    public async Task<ErasureResult> EraseOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var messages = await InBatchesAsync((writes, after, token) => writes.EraseMessagesBeforeAsync(cutoff, MaySendYet, after, batchSize, token), ct);
        var receipts = await InBatchesAsync((writes, after, token) => writes.EraseReceiptsBeforeAsync(cutoff, after, batchSize, token), ct);
        return new ErasureResult(messages, receipts);
    }

    private async Task<int> InBatchesAsync(Func<IWriteContext, Guid?, CancellationToken, Task<ErasedBatch>> batch, CancellationToken ct)
    {
        var total = 0;
        for (Guid? after = null; ;)
        {
            var from = after;
            var erased = await unitOfWork.ExecuteAsync((writes, token) => batch(writes, from, token), ct);
            total += erased.Count;
            if (erased.Last is not { } last)
            {
                return total;
            }

            after = last;
        }
    }
}
