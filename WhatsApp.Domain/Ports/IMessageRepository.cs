using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Ports;

/// <summary>Loads messages (they are written through <see cref="IUnitOfWork"/>).</summary>
public interface IMessageRepository
{
    Task<Message?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>The resend of <paramref name="originalId"/>, if it was resent.</summary>
    Task<Message?> FindResendOfAsync(Guid originalId, CancellationToken ct);

    /// <summary>The provider's status reports for a message, oldest first.</summary>
    Task<IReadOnlyList<MessageStatusEvent>> GetStatusHistoryAsync(Guid messageId, CancellationToken ct);

    /// <summary>Those of <paramref name="ids"/> that exist, each with its status history (oldest first), by id.</summary>
    Task<IReadOnlyDictionary<Guid, (Message Message, IReadOnlyList<MessageStatusEvent> History)>> FindWithHistoryAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken ct);
}
