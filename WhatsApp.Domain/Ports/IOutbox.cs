using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Ports;

/// <summary>The outbox: hands due messages to one dispatcher at a time and records what happened to them.</summary>
public interface IOutbox
{
    /// <summary>
    /// Leases up to <paramref name="max"/> queued messages whose next attempt is due, so no other dispatcher
    /// (in this or another process) takes them until the lease expires.
    /// </summary>
    Task<IReadOnlyList<Message>> ClaimDueAsync(int max, CancellationToken ct);

    /// <summary>
    /// Persists a claimed message that was just marked <see cref="MessageStatus.Sending"/>, only while this dispatcher
    /// still holds its lease. Returns false when the lease was lost (another dispatcher may own it now): do not send.
    /// </summary>
    Task<bool> TryStartSendingAsync(Message message, CancellationToken ct);

    /// <summary>
    /// Persists the outcome of an attempt and releases the lease. A status report that settled the message while the
    /// request was in flight stands: then only the attempt (and a uuid the message lacks) is stored.
    /// </summary>
    Task SaveOutcomeAsync(Message message, CancellationToken ct);

    /// <summary>
    /// Finds messages left in <see cref="MessageStatus.Sending"/> by a dispatcher whose lease expired (a crash mid-request)
    /// and marks them outcome unknown, since the request may have reached the provider. Returns how many.
    /// </summary>
    Task<int> ReleaseAbandonedAsync(CancellationToken ct);
}
