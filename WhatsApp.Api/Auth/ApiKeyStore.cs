using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WhatsApp.Api.Auth;

/// <summary>
/// Looks up a presented key. Keys are hashed to fixed-length digests and every configured key is compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, so timing reveals neither a key's length nor its prefix.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly (byte[] Digest, ApiKeyOptions Key)[] _keys;

    public ApiKeyStore(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = options.Value.ApiKeys.Select(k => (Digest(k.Key), k)).ToArray();
    }

    public ApiKeyOptions? Find(string presented)
    {
        var digest = Digest(presented);
        ApiKeyOptions? match = null;
        foreach (var (candidate, key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, digest))
            {
                match = key;
            }
        }

        return match;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
