using System.Security.Cryptography;
using System.Text;

namespace WhatsApp.Infrastructure.Events;

/// <summary>
/// Standard Webhooks signatures: <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, keyed with the
/// base64-decoded secret after its <c>whsec_</c> prefix; one entry per secret, separated by spaces.
/// </summary>
internal static class StandardWebhookSigner
{
    private const string Prefix = "whsec_";

    public static string Sign(IReadOnlyList<string> secrets, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}");
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), content))));
    }

    private static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
