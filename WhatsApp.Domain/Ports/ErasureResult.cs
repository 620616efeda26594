namespace WhatsApp.Domain.Ports;

/// <summary>How many messages and webhook receipts had content that an erasure removed (rows already erased are not counted).</summary>
public sealed record ErasureResult(int Messages, int WebhookReceipts)
{
    public static readonly ErasureResult None = new(0, 0);

    public ErasureResult Add(ErasureResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ErasureResult(Messages + other.Messages, WebhookReceipts + other.WebhookReceipts);
    }
}
