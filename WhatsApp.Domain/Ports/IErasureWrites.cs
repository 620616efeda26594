using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Privacy;

namespace WhatsApp.Domain.Ports;

/// <summary>
/// Erasing what people wrote (<see cref="ContentErasure"/>), set-based: which columns are content is persistence's
/// classification of each table, and no row is loaded.
/// </summary>
public interface IErasureWrites
{
    /// <summary>Fails the contact's queued messages with the given error; which.</summary>
    Task<IReadOnlyList<OutboundMessageState>> FailQueuedMessagesAsync(string contact, string errorCode, string errorReason, CancellationToken ct);

    /// <summary>Erases the content of the contact's messages and webhook receipts; how many of each still held some.</summary>
    Task<ErasureResult> EraseContactContentAsync(string contact, CancellationToken ct);

    /// <summary>
    /// Erases the content of up to <paramref name="max"/> messages created before <paramref name="cutoff"/> and not in
    /// one of the <paramref name="spared"/> statuses, in id order after <paramref name="after"/>.
    /// </summary>
    Task<ErasedBatch> EraseMessagesBeforeAsync(
        DateTimeOffset cutoff, IReadOnlyCollection<MessageStatus> spared, Guid? after, int max, CancellationToken ct);

    /// <summary>Erases the content of up to <paramref name="max"/> webhook receipts received before <paramref name="cutoff"/>, in id order after <paramref name="after"/>.</summary>
    Task<ErasedBatch> EraseReceiptsBeforeAsync(DateTimeOffset cutoff, Guid? after, int max, CancellationToken ct);
}

/// <summary>How many rows a batch erased, and the last id when there may be more (a full batch).</summary>
public readonly record struct ErasedBatch(int Count, Guid? Last);

/// <summary>Told of each contact erased, after its commit: for the log.</summary>
public interface IErasureObserver
{
    void ContactErased(string contact, ErasureResult erased);
}
