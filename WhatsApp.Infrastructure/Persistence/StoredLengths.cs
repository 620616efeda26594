namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// The bounded columns a Plivo webhook can fill: identifiers, all indexed (a btree entry cannot hold a page of text).
/// Content is unbounded text. A webhook whose identifier exceeds its bound is not applied: its receipt keeps every
/// field in full and is listed as unprocessed, naming the field, so the insert never fails and nothing is lost.
/// </summary>
internal static class StoredLengths
{
    public const int PhoneNumber = 20;
    public const int ProviderMessageId = 64;
    public const int ErrorCode = 64;
    public const int Sequence = 32;

    /// <summary>Longer signature nonces are stored as their hash (<see cref="WebhookNonce.KeyOf"/>).</summary>
    public const int Nonce = 128;
}
