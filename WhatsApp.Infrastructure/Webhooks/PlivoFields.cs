using System.Globalization;
using WhatsApp.Domain.Contacts;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>Case-insensitive access to a webhook's form fields, trying the spellings Plivo has been seen to use.</summary>
internal sealed class PlivoFields(IReadOnlyList<KeyValuePair<string, string>> fields)
{
    private static readonly string[] TimeFormats =
        ["yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"];

    private readonly Dictionary<string, string> _byName = fields
        .GroupBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> All => _byName;

    public string? Get(params string[] names)
    {
        foreach (var name in names)
        {
            if (_byName.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }

    /// <summary>Plivo's timestamps (<c>2026-11-26 12:00:00.123456</c>) are UTC.</summary>
    public DateTimeOffset? Time(string name) =>
        Get(name) is { } text && DateTime.TryParseExact(
            text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;

    public DateTimeOffset? UnixTime(string name) =>
        Get(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Media URLs from <c>Media0…MediaN</c> or <c>Media1…</c> with <c>MediaCount</c>, in index order.</summary>
    public IReadOnlyList<string> MediaUrls() => _byName
        .Where(f => f.Key.Length > 5 && f.Key.StartsWith("Media", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(f.Key.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && !string.IsNullOrWhiteSpace(f.Value))
        .OrderBy(f => int.Parse(f.Key.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture))
        .Select(f => f.Value.Trim())
        .ToList();

    /// <summary>
    /// Plivo sends numbers as digits; we store E.164. <see cref="Get"/> already trimmed surrounding whitespace (a
    /// stray newline is the same person); anything else that is not E.164 (zero-width characters, non-ASCII digits)
    /// is null, so it can never become a contact of its own.
    /// </summary>
    public static string? ToE164(string? number)
    {
        var e164 = number is null || number.StartsWith('+') ? number : "+" + number;
        return PhoneNumber.IsE164(e164) ? e164 : null;
    }
}
