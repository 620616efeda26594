namespace WhatsApp.Domain.Webhooks;

/// <summary>
/// The raw record of a webhook, stored in the same transaction that processes it, so that nothing acknowledged
/// is ever lost: if processing fails, the receipt keeps the error and can be replayed.
/// </summary>
public sealed class WebhookReceipt
{
    public const int MaxErrorLength = 2048;

    private WebhookReceipt()
    {
        Nonce = SignatureVersion = Method = Url = Kind = string.Empty;
        Fields = [];
    }

    public Guid Id { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public string Nonce { get; private set; }

    public string SignatureVersion { get; private set; }

    public string Method { get; private set; }

    public string Url { get; private set; }

    /// <summary><c>inbound</c>, <c>status</c> or <c>unknown</c>.</summary>
    public string Kind { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; private set; }

    /// <summary>The customer's number the webhook concerns, so a data-protection erasure can find its raw fields.</summary>
    public string? Contact { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public WebhookOutcome? Outcome { get; private set; }

    public string? Error { get; private set; }

    public static WebhookReceipt From(WebhookDelivery delivery, Guid id, string kind, string? contact = null)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new WebhookReceipt
        {
            Id = id,
            ReceivedAt = delivery.ReceivedAt,
            Nonce = delivery.Nonce,
            SignatureVersion = delivery.SignatureVersion,
            Method = delivery.Method,
            Url = delivery.Url,
            Kind = kind,
            Contact = contact,
            Fields = delivery.Fields,
        };
    }

    public WebhookDelivery ToDelivery() => new(Nonce, SignatureVersion, Method, Url, Fields, ReceivedAt);

    public void MarkProcessed(WebhookOutcome outcome, DateTimeOffset at)
    {
        Outcome = outcome;
        ProcessedAt = at;
        Error = null;
    }

    public void MarkFailed(string error)
    {
        Outcome = WebhookOutcome.Unprocessed;
        ProcessedAt = null;
        Error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
    }
}
