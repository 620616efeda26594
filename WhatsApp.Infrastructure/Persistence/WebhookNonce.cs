using System.Security.Cryptography;
using System.Text;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>A signature nonce seen on a committed webhook; a second use within the replay window is rejected.</summary>
internal sealed class WebhookNonce(string nonce, DateTimeOffset seenAt)
{
    public string Nonce { get; private set; } = nonce;

    public DateTimeOffset SeenAt { get; set; } = seenAt;

    /// <summary>
    /// The stored key of <paramref name="nonce"/>: the nonce itself, or for one longer than its column (Plivo's are
    /// short, but a signed header may carry anything) its SHA-256, which is as unique and fits the primary key.
    /// </summary>
    public static string KeyOf(string nonce) =>
        nonce.Length <= StoredLengths.Nonce ? nonce : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)));
}
