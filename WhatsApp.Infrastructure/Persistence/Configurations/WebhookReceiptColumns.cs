namespace WhatsApp.Infrastructure.Persistence.Configurations;

/// <summary>
/// The erasure's view of WebhookReceipts (<see cref="ColumnErasure"/>): the raw fields (and a GET's query string)
/// hold the message itself; the rest says a webhook came and how it was processed.
/// </summary>
internal static class WebhookReceiptColumns
{
    private const string Metadata = "the record that a webhook came and how it was processed, no content";

    public static ColumnErasure Erasure { get; } = new(
        "WebhookReceipts",
        [
            ("Fields", ErasedAs.EmptyList),
            ("Url", ErasedAs.UrlWithoutQuery),
        ],
        new Dictionary<string, string>
        {
            ["Id"] = Metadata,
            ["ReceivedAt"] = Metadata,
            ["Nonce"] = Metadata,
            ["SignatureVersion"] = Metadata,
            ["Method"] = Metadata,
            ["Kind"] = Metadata,
            ["Contact"] = "a number, by which an erasure finds the contact's receipts",
            ["ProcessedAt"] = Metadata,
            ["Outcome"] = Metadata,
            ["Error"] = "the gateway's processing error: " + Metadata,
        });
}
