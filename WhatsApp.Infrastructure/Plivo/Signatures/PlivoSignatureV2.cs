namespace WhatsApp.Infrastructure.Plivo.Signatures;

/// <summary>
/// Plivo's legacy V2 webhook signature (<c>X-Plivo-Signature-V2</c> / <c>X-Plivo-Signature-Ma-V2</c>):
/// Base64(HMAC-SHA256(token, scheme://host[:port]path + nonce)). The query and the body are NOT signed, so a V2
/// signature does not protect the parameters; prefer V3 wherever Plivo sends it.
/// </summary>
public static class PlivoSignatureV2
{
    /// <summary>The V2 signature of <paramref name="url"/> (its query and fragment are ignored) and <paramref name="nonce"/>.</summary>
    public static string ComputeV2(string url, string nonce, string authToken)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        return PlivoSignatureComparison.Sign(authToken, PlivoSignedUrl.Split(url).BaseUrl + nonce);
    }

    /// <summary>
    /// True if the whole <paramref name="signatureHeader"/> equals the V2 signature under any of the tokens. Unlike V3
    /// the header is not split on commas, as in Plivo's SDKs. Compared in constant time.
    /// </summary>
    public static bool VerifyV2(string url, string nonce, string signatureHeader, IEnumerable<string> authTokens)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(signatureHeader);
        return PlivoSignatureComparison.AnyMatches(PlivoSignedUrl.Split(url).BaseUrl + nonce, [signatureHeader], authTokens);
    }
}
