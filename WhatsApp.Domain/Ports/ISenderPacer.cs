namespace WhatsApp.Domain.Ports;

/// <summary>Spaces sends per sender number so WhatsApp's per-number throughput limit is never exceeded.</summary>
public interface ISenderPacer
{
    /// <summary>Completes when the sender may send one more message.</summary>
    ValueTask WaitAsync(string sender, CancellationToken ct);
}
