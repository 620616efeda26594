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
    /// The strict gate right before the request leaves: never more sends than the limit within any one-second
    /// window, even when storage delays bunch up messages that were reserved evenly. Usually returns at once.
    /// </summary>
    ValueTask EnterSendAsync(string sender, CancellationToken ct);
}
