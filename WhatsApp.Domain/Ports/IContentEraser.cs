namespace WhatsApp.Domain.Ports;

/// <summary>
/// Data protection: erases what people wrote (bodies, captions, media links, templates, interactive and location
/// payloads, raw webhook fields) while keeping the delivery metadata (ids, numbers, type, status and its history,
/// provider id, errors, template name, times), so reporting and deduplication keep working.
/// </summary>
public interface IContentEraser
{
    /// <summary>Erases the content of every message to or from <paramref name="contact"/> (E.164) and of its webhook receipts, in one transaction.</summary>
    Task<ErasureResult> EraseContactAsync(string contact, CancellationToken ct);

    /// <summary>
    /// Erases the content of messages created and webhook receipts received before <paramref name="cutoff"/>, in bounded
    /// batches (each its own transaction). Messages the dispatcher may still send are left alone.
    /// </summary>
    Task<ErasureResult> EraseOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct);
}
