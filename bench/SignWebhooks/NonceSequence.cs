using System.Globalization;
using System.Security.Cryptography;

namespace WhatsApp.Bench.SignWebhooks;

/// <summary>20-digit nonces like Plivo's: a random 5-digit prefix per run and a 15-digit counter, so none repeats in a run.</summary>
internal sealed class NonceSequence
{
    private readonly string _prefix = RandomNumberGenerator.GetInt32(0, 100_000).ToString("D5", CultureInfo.InvariantCulture);
    private long _counter;

    public string Next() => _prefix + (_counter++).ToString("D15", CultureInfo.InvariantCulture);
}
