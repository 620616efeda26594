using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>
/// PostgreSQL's text cannot hold U+0000, which a signed webhook may carry (SQLite would store it). Before anything is
/// stored, each NUL becomes U+FFFD, the replacement character, on both databases: the webhook is kept, not refused.
/// The signature was checked on the request as received.
/// </summary>
internal static class StoredText
{
    private const char Nul = '\0';
    private const char Replacement = '\uFFFD';

    public static WebhookDelivery WithoutNul(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!delivery.Nonce.Contains(Nul, StringComparison.Ordinal) && !delivery.Url.Contains(Nul, StringComparison.Ordinal)
            && !delivery.Fields.Any(f => f.Key.Contains(Nul, StringComparison.Ordinal) || f.Value.Contains(Nul, StringComparison.Ordinal)))
        {
            return delivery;
        }

        return delivery with
        {
            Nonce = Clean(delivery.Nonce),
            Url = Clean(delivery.Url),
            Fields = [.. delivery.Fields.Select(f => new KeyValuePair<string, string>(Clean(f.Key), Clean(f.Value)))],
        };
    }

    private static string Clean(string value) => value.Replace(Nul, Replacement);
}
