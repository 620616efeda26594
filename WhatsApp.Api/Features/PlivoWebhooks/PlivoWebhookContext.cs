namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>
/// A webhook that passed <see cref="ValidatePlivoSignatureAttribute"/>: its nonce (for replay protection), how it was
/// authenticated, its decoded parameters (the form of a POST, the query of a GET) and the URL the signature covered.
/// Read it with <see cref="PlivoWebhookHttpContextExtensions.GetPlivoWebhookContext"/>.
/// </summary>
public sealed record PlivoWebhookContext(
    string Nonce,
    string SignatureVersion,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string SignedUrl)
{
    public const string V3 = "v3";
    public const string V2 = "v2";

    /// <summary>Signature validation is off (Development only): nothing about this request is authenticated.</summary>
    public const string None = "none";

    /// <summary>The first value of a parameter (case-sensitive name, as Plivo sends it), or null.</summary>
    public string? GetParameter(string name) =>
        Parameters.Where(p => string.Equals(p.Key, name, StringComparison.Ordinal)).Select(p => p.Value).FirstOrDefault();
}
