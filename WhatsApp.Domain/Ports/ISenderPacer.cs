namespace WhatsApp.Domain.Ports;

/// <summary>Spaces sends per sender number so WhatsApp's per-number throughput limit is never exceeded.</summary>
public interface ISenderPacer
{
    /// <summary>
    /// Reserves the sender's next slot and waits for it, before the message is marked as sending: this spaces
    /// the work while nothing is in flight yet, so a crash during the wait leaves the message safely queued.
    /// </summary>
    ValueTask WaitAsync(string sender, CancellationToken ct);

    /// <summary>
    /// The strict gate, passed while the message is still queued (so waiting here is safe in a crash). The permit is
    /// held while the message is marked as sending and its request is in flight, and for
    /// one second after its answer, and there are as many permits as the limit: a request reaches the provider
    /// between entering and its answer, so no one-second window at the provider can hold more than the limit, however
    /// scheduling or the network delays or bunches requests. Dispose the permit when the answer (or failure) is in.
    /// </summary>
    ValueTask<IDisposable> EnterSendAsync(string sender, CancellationToken ct);
}
