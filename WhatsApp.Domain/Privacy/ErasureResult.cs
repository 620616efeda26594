namespace WhatsApp.Domain.Privacy;

/// <summary>How many messages and webhook receipts had content that an erasure removed (rows already erased are not counted).</summary>
public sealed record ErasureResult(int Messages, int WebhookReceipts)
{
    public static readonly ErasureResult None = new(0, 0);
}
