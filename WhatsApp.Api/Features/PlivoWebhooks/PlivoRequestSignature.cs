using System.Diagnostics.CodeAnalysis;
using WhatsApp.Infrastructure.Plivo.Signatures;

namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>
/// Checks the signature headers of one webhook. V3 is checked whenever any V3 header is present, and passes if
/// <c>X-Plivo-Signature-V3</c> or <c>X-Plivo-Signature-Ma-V3</c> matches under any token. V2 is considered only when
/// no V3 header exists and V2 is allowed, because it does not cover the parameters.
/// </summary>
internal static class PlivoRequestSignature
{
    /// <summary>
    /// True, with the verified context, if the request's signature matches <paramref name="signedUrl"/> and
    /// <paramref name="parameters"/> under any of <paramref name="authTokens"/>; otherwise false and
    /// <paramref name="failure"/> says why, safe to log: it names headers and settings, never values.
    /// </summary>
    public static bool TryVerify(
        HttpRequest request,
        string signedUrl,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        IReadOnlyList<string> authTokens,
        bool allowV2,
        [NotNullWhen(true)] out PlivoWebhookContext? verified,
        out string failure)
    {
        var (version, nonce, reason) = authTokens.Count == 0
            ? (null, string.Empty, "no auth token is configured (Plivo:AuthToken)")
            : Check(request, signedUrl, parameters, authTokens, allowV2);
        verified = version is null ? null : new PlivoWebhookContext(nonce, version, parameters, signedUrl);
        failure = reason;
        return verified is not null;
    }

    private static (string? Version, string Nonce, string Failure) Check(
        HttpRequest request,
        string signedUrl,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        IReadOnlyList<string> authTokens,
        bool allowV2)
    {
        var headers = request.Headers;
        if (headers.ContainsKey(PlivoSignatureHeaders.V3) || headers.ContainsKey(PlivoSignatureHeaders.MainAccountV3)
            || headers.ContainsKey(PlivoSignatureHeaders.V3Nonce))
        {
            var nonce = headers[PlivoSignatureHeaders.V3Nonce].ToString();
            IReadOnlyList<KeyValuePair<string, string>> body = HttpMethods.IsGet(request.Method) ? [] : parameters;
            bool Matches(string header) => headers.TryGetValue(header, out var value)
                && PlivoSignatureV3.VerifyV3(signedUrl, request.Method, body, nonce, value.ToString(), authTokens);

            // '|' rather than '||': both headers are always checked.
            var valid = nonce.Length > 0 && (Matches(PlivoSignatureHeaders.V3) | Matches(PlivoSignatureHeaders.MainAccountV3));
            return valid ? (PlivoWebhookContext.V3, nonce, string.Empty) : (null, nonce, "V3 nonce or signature missing, or no signature matches");
        }

        if (headers.ContainsKey(PlivoSignatureHeaders.V2) || headers.ContainsKey(PlivoSignatureHeaders.MainAccountV2))
        {
            if (!allowV2)
            {
                return (null, string.Empty, "only V2 signature headers, and Plivo:Webhooks:AllowV2Signatures is false");
            }

            var nonce = headers[PlivoSignatureHeaders.V2Nonce].ToString();
            bool Matches(string header) => headers.TryGetValue(header, out var value)
                && PlivoSignatureV2.VerifyV2(signedUrl, nonce, value.ToString(), authTokens);

            var valid = nonce.Length > 0 && (Matches(PlivoSignatureHeaders.V2) | Matches(PlivoSignatureHeaders.MainAccountV2));
            return valid ? (PlivoWebhookContext.V2, nonce, string.Empty) : (null, nonce, "V2 nonce or signature missing, or no signature matches");
        }

        return (null, string.Empty, "no Plivo signature headers");
    }
}
