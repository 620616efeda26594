using System.Globalization;

namespace WhatsApp.Seed.Planning;

/// <summary>
/// Unique, plausible E.164 mobile numbers per country. The n-th number of a country is a fixed scramble of n, so the
/// numbers look random, never repeat, and never collide with our senders (+1415555 01xx).
/// </summary>
internal sealed class PhoneNumberPlan
{
    private static readonly string[] UsAreaCodes = ["415", "212", "646", "305", "312", "213", "617", "206", "512", "702"];

    private static readonly Country[] Countries =
    [
        new("+1", string.Empty, 0, Language.English, 30),
        new("+1", string.Empty, 0, Language.Spanish, 6),
        new("+44", "7", 9, Language.English, 8),
        new("+91", "9", 9, Language.Hindi, 10),
        new("+91", "8", 9, Language.English, 4),
        new("+7", "9", 9, Language.Russian, 10),
        new("+30", "69", 8, Language.Greek, 5),
        new("+34", "6", 8, Language.Spanish, 6),
        new("+52", "55", 8, Language.Spanish, 5),
        new("+966", "5", 8, Language.Arabic, 6),
        new("+971", "50", 7, Language.Arabic, 3),
        new("+86", "13", 9, Language.Chinese, 7),
    ];

    private static readonly int TotalWeight = Countries.Sum(c => c.Weight);

    private readonly int[] _issued = new int[Countries.Length];
    private int _usIssued;

    public (string Number, Language Language) Next(Random random)
    {
        var pick = random.Next(TotalWeight);
        var index = 0;
        while (pick >= Countries[index].Weight)
        {
            pick -= Countries[index].Weight;
            index++;
        }

        var country = Countries[index];
        return country.Prefix == "+1"
            ? (UsNumber(_usIssued++), country.Language)
            : (country.Prefix + country.Lead + Scramble(_issued[index]++, country.FreeDigits), country.Language);
    }

    /// <summary>Blocks of 9,000 per area code (local numbers 1000–9999): the listed codes first, then 800–999.</summary>
    private static string UsNumber(int n)
    {
        var block = n / 9_000;
        var area = block < UsAreaCodes.Length
            ? UsAreaCodes[block]
            : (800 + block - UsAreaCodes.Length).ToString(CultureInfo.InvariantCulture);
        if (area.Length != 3)
        {
            throw new InvalidOperationException("Too many US contacts for the number plan.");
        }

        var local = 1_000 + (int)((n % 9_000 * 7_919L + 4_321) % 9_000);
        return "+1" + area + "555" + local.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>n → (n·a + b) mod 10^digits is a bijection because a is coprime with 10.</summary>
    private static string Scramble(int n, int digits)
    {
        var modulus = (long)Math.Pow(10, digits);
        if (n >= modulus)
        {
            throw new InvalidOperationException("Too many contacts for the number plan.");
        }

        var value = (n * 48_271L + 1_234_567) % modulus;
        return value.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private sealed record Country(string Prefix, string Lead, int FreeDigits, Language Language, int Weight);
}
