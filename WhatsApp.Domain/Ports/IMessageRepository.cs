using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Ports;

/// <summary>Stores and loads messages.</summary>
public interface IMessageRepository
{
    /// <summary>
    /// Durably stores a new message, together with its idempotency record when there is one, in one transaction.
    /// Throws <see cref="DuplicateIdempotencyKeyException"/> when another request already holds the key.
    /// </summary>
    Task AddAsync(Message message, IdempotencyRecord? idempotency, CancellationToken ct);

    Task<Message?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Durably stores a resend (<see cref="Message.ResendOf"/> set). False, with nothing stored, when its original
    /// already has a resend (one per original, so two concurrent requests store one) or its content was erased since
    /// it was read (the resend's copy must not bring it back).
    /// </summary>
    Task<bool> TryAddResendAsync(Message resend, CancellationToken ct);

    /// <summary>The resend of <paramref name="originalId"/>, if it was resent.</summary>
    Task<Message?> FindResendOfAsync(Guid originalId, CancellationToken ct);

    /// <summary>The provider's status reports for a message, oldest first.</summary>
    Task<IReadOnlyList<MessageStatusEvent>> GetStatusHistoryAsync(Guid messageId, CancellationToken ct);
}
