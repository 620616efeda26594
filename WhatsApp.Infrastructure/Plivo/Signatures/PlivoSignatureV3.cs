using System.Text;

namespace WhatsApp.Infrastructure.Plivo.Signatures;

/// <summary>
/// Plivo's V3 webhook signature (<c>X-Plivo-Signature-V3</c> / <c>X-Plivo-Signature-Ma-V3</c>): HMAC-SHA256 with an
/// auth token over the callback URL, the decoded parameters and the nonce. Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para>The string to sign, with keys sorted ordinally (uppercase before lowercase, <c>SIP-H-To</c> before <c>SessionStart</c>):</para>
/// <list type="bullet">
/// <item>GET: <c>base</c>, plus <c>?k=v&amp;k=v</c> over the URL query and the given parameters if there are any.</item>
/// <item>POST with a URL query: <c>base?k=v&amp;k=v</c>, then <c>.</c> and <c>kvkv…</c> over the body if it is not empty.</item>
/// <item>POST without a URL query: <c>base</c>, plus <c>?kvkv…</c> over the body if it is not empty (no dot).</item>
/// </list>
/// <para>Then <c>.</c> + nonce. Values go in decoded. <c>base</c> is scheme://host[:port]path exactly as written in the URL.</para>
/// <para>Repeated keys (in the query or the body) are all kept, sorted by key and then by value, as plivo-python and
/// plivo-node do; the Go, .NET and Java SDKs keep only one value, so Plivo should not send any.</para>
/// </remarks>
public static class PlivoSignatureV3
{
    /// <summary>The Base64 V3 signature of a request, as Plivo puts it in the signature header.</summary>
    /// <param name="url">The URL Plivo was configured to call, query included.</param>
    /// <param name="method"><c>GET</c> or <c>POST</c>.</param>
    /// <param name="bodyParams">The decoded form fields of a POST; empty for a GET.</param>
    /// <param name="nonce">The <c>X-Plivo-Signature-V3-Nonce</c> header.</param>
    /// <param name="authToken">The auth token that signs. Never log it.</param>
    public static string ComputeV3(
        string url, string method, IEnumerable<KeyValuePair<string, string>> bodyParams, string nonce, string authToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        return PlivoSignatureComparison.Sign(authToken, StringToSign(url, method, bodyParams, nonce));
    }

    /// <summary>
    /// True if any of the comma-separated signatures in <paramref name="signatureHeader"/> (each trimmed) matches the
    /// request under any of <paramref name="authTokens"/>. Compared in constant time; empty tokens are ignored.
    /// </summary>
    public static bool VerifyV3(
        string url,
        string method,
        IEnumerable<KeyValuePair<string, string>> bodyParams,
        string nonce,
        string signatureHeader,
        IEnumerable<string> authTokens)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        var presented = signatureHeader.Split(',', StringSplitOptions.TrimEntries);
        return PlivoSignatureComparison.AnyMatches(StringToSign(url, method, bodyParams, nonce), presented, authTokens);
    }

    /// <summary>The exact text that is signed (see the remarks of <see cref="PlivoSignatureV3"/>).</summary>
    public static string StringToSign(string url, string method, IEnumerable<KeyValuePair<string, string>> bodyParams, string nonce)
    {
        ArgumentNullException.ThrowIfNull(bodyParams);
        ArgumentNullException.ThrowIfNull(nonce);
        var isGet = IsGet(method);
        var (baseUrl, query) = PlivoSignedUrl.Split(url);
        var body = Sorted(bodyParams);
        var text = new StringBuilder(baseUrl);
        if (isGet)
        {
            AppendQuery(text, Sorted(query.Concat(body)));
        }
        else
        {
            AppendQuery(text, Sorted(query));
            if (body.Count > 0)
            {
                text.Append(query.Count > 0 ? '.' : '?');
                foreach (var (key, value) in body)
                {
                    text.Append(key).Append(value);
                }
            }
        }

        return text.Append('.').Append(nonce).ToString();
    }

    private static void AppendQuery(StringBuilder text, List<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count > 0)
        {
            text.Append('?').AppendJoin('&', pairs.Select(p => p.Key + "=" + p.Value));
        }
    }

    private static List<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> pairs) =>
        [.. pairs.Select(p => new KeyValuePair<string, string>(p.Key ?? string.Empty, p.Value ?? string.Empty))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)];

    private static bool IsGet(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.Equals("GET", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return method.Equals("POST", StringComparison.OrdinalIgnoreCase)
            ? false
            : throw new ArgumentException("Plivo signs GET and POST callbacks only.", nameof(method));
    }
}
