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

    /// <summary>Persists the dispatch state of a claimed message; the lease is released once it is no longer sending.</summary>
    Task SaveAsync(Message message, CancellationToken ct);

    /// <summary>
    /// Finds messages left in <see cref="MessageStatus.Sending"/> by a dispatcher whose lease expired (a crash mid-request)
    /// and marks them outcome unknown, since the request may have reached the provider. Returns how many.
    /// </summary>
    Task<int> ReleaseAbandonedAsync(CancellationToken ct);
}
