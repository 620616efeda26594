namespace WhatsApp.Domain.Ports;

/// <summary>Looks up idempotency keys. Records are written with the message (<see cref="Services.NewMessages.StoreSendAsync"/>).</summary>
public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> FindAsync(string clientName, string key, CancellationToken ct);

    /// <summary>Deletes records created before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken ct);
}
