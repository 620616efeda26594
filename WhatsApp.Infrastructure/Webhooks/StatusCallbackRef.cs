using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>
/// The <c>ref</c> of a status callback URL: the id of the outbound message it was sent with
/// (<see cref="Plivo.PlivoMessageMapper.StatusCallbackUrl"/>). Read from the URL Plivo called, never from the form,
/// and only when the signature covered that URL's query (V3), or when nothing is authenticated anyway (validation
/// off in Development): V2 signs the path alone, so a V2 webhook's query could have been changed on the way.
/// </summary>
internal static class StatusCallbackRef
{
    public const string Name = "ref";

    private static readonly HashSet<string> QueryCoveringVersions = new(StringComparer.Ordinal) { "v3", "none" };

    /// <summary>The message id the webhook's URL names; null when absent, repeated, not a UUID or not trustworthy.</summary>
    public static Guid? Of(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!QueryCoveringVersions.Contains(delivery.SignatureVersion))
        {
            return null;
        }

        var query = delivery.Url.Split('#', 2)[0].Split('?', 2) is [_, var q] ? q : string.Empty;
        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Decode(pair[0]) == Name)
            .Select(pair => pair.Length == 2 ? Decode(pair[1]) : string.Empty)
            .Take(2)
            .ToList();
        return values is [var value] && Guid.TryParseExact(value, "D", out var id) ? id : null;
    }

    private static string Decode(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));
}
