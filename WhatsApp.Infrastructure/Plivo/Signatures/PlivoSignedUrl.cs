using Microsoft.AspNetCore.WebUtilities;

namespace WhatsApp.Infrastructure.Plivo.Signatures;

/// <summary>
/// Splits a callback URL the way Plivo's SDKs do: the base (scheme, host, any port, path) is kept exactly as written,
/// the fragment is dropped and the query becomes decoded key/value pairs (one pair per repeated key).
/// </summary>
internal static class PlivoSignedUrl
{
    public static (string BaseUrl, IReadOnlyList<KeyValuePair<string, string>> Query) Split(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The signed URL must be an absolute http or https URL.", nameof(url));
        }

        var withoutFragment = url.Split('#', 2)[0];
        var parts = withoutFragment.Split('?', 2);
        if (parts.Length == 1 || parts[1].Length == 0)
        {
            return (parts[0], []);
        }

        var query = QueryHelpers.ParseQuery(parts[1])
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty)))
            .ToList();
        return (parts[0], query);
    }
}
