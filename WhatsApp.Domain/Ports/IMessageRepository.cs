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

    /// <summary>The provider's status reports for a message, oldest first.</summary>
    Task<IReadOnlyList<MessageStatusEvent>> GetStatusHistoryAsync(Guid messageId, CancellationToken ct);
}
