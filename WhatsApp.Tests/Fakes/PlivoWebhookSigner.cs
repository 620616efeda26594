using System.Security.Cryptography;
using WhatsApp.Infrastructure.Plivo.Signatures;

namespace WhatsApp.Tests.Fakes;

/// <summary>
/// Builds webhook requests signed the way Plivo signs them (V3). The URL is the one Plivo "called": send the request
/// there, or change <see cref="HttpRequestMessage.RequestUri"/> afterwards to simulate a proxy or tunnel.
/// </summary>
public static class PlivoWebhookSigner
{
    public const string V3Header = "X-Plivo-Signature-V3";
    public const string MainAccountV3Header = "X-Plivo-Signature-Ma-V3";
    public const string NonceHeader = "X-Plivo-Signature-V3-Nonce";

    /// <summary>A form POST to <paramref name="url"/>; also signs <c>X-Plivo-Signature-Ma-V3</c> if a main-account token is given.</summary>
    public static HttpRequestMessage SignedFormPost(
        Uri url, IEnumerable<KeyValuePair<string, string>> form, string token, string? nonce = null, string? mainAccountToken = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var fields = form.ToList();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        AddHeaders(request, SignatureHeaders(HttpMethod.Post, url, fields, token, nonce, mainAccountToken));
        return request;
    }

    /// <summary>A GET of <paramref name="url"/>, whose query holds the parameters.</summary>
    public static HttpRequestMessage SignedGet(Uri url, string token, string? nonce = null, string? mainAccountToken = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        AddHeaders(request, SignatureHeaders(HttpMethod.Get, url, [], token, nonce, mainAccountToken));
        return request;
    }

    /// <summary>The V3 headers for a request; a fresh nonce unless one is given.</summary>
    public static IReadOnlyDictionary<string, string> SignatureHeaders(
        HttpMethod method,
        Uri url,
        IEnumerable<KeyValuePair<string, string>> bodyParams,
        string token,
        string? nonce = null,
        string? mainAccountToken = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        nonce ??= NewNonce();
        var fields = bodyParams.ToList();
        var headers = new Dictionary<string, string>
        {
            [NonceHeader] = nonce,
            [V3Header] = PlivoSignatureV3.ComputeV3(url.AbsoluteUri, method.Method, fields, nonce, token),
        };
        if (mainAccountToken is not null)
        {
            headers[MainAccountV3Header] = PlivoSignatureV3.ComputeV3(url.AbsoluteUri, method.Method, fields, nonce, mainAccountToken);
        }

        return headers;
    }

    /// <summary>A random 20-digit nonce, like Plivo's.</summary>
    public static string NewNonce() =>
        string.Concat(Enumerable.Range(0, 20).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));

    private static void AddHeaders(HttpRequestMessage request, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
