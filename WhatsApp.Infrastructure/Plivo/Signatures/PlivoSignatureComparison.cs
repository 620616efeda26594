using System.Security.Cryptography;
using System.Text;

namespace WhatsApp.Infrastructure.Plivo.Signatures;

/// <summary>HMAC-SHA256 signing and the constant-time comparison shared by the V2 and V3 checks.</summary>
internal static class PlivoSignatureComparison
{
    /// <summary>Standard, padded Base64 of HMAC-SHA256 with the UTF-8 token as key over the UTF-8 message.</summary>
    public static string Sign(string authToken, string message) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(message)));

    /// <summary>
    /// True if any presented signature equals the signature of <paramref name="message"/> under any non-empty token.
    /// Every pair is compared with <see cref="CryptographicOperations.FixedTimeEquals"/> and the loop never stops
    /// early, so the timing tells nothing about which token or signature matched, or how much of it did.
    /// </summary>
    public static bool AnyMatches(string message, IReadOnlyCollection<string> presented, IEnumerable<string> authTokens)
    {
        ArgumentNullException.ThrowIfNull(authTokens);
        var presentedBytes = presented.Select(Encoding.UTF8.GetBytes).ToList();
        var matched = false;
        foreach (var token in authTokens)
        {
            if (string.IsNullOrEmpty(token))
            {
                continue;
            }

            var expected = Encoding.UTF8.GetBytes(Sign(token, message));
            foreach (var candidate in presentedBytes)
            {
                matched |= CryptographicOperations.FixedTimeEquals(expected, candidate);
            }
        }

        return matched;
    }
}
