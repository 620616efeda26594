using System.Text;

namespace WhatsApp.Seed.Writing;

/// <summary>Values in exactly the text EF Core's SQLite provider writes, so seeded rows equal rows the app stores.</summary>
internal static class SqliteText
{
    /// <summary>Guids are TEXT, upper-case, "D" format.</summary>
    public static string Of(Guid id) => string.Create(36, id, static (chars, value) =>
    {
        value.TryFormat(chars, out _, "D");
        Ascii.ToUpperInPlace(chars, out _);
    });

    /// <summary>
    /// DateTimeOffset columns hold the UTC DateTime (see <c>UtcDateTimeConverter</c>) formatted
    /// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>: trailing zeros of the fraction, and a bare dot, left out. Whole milliseconds here.
    /// </summary>
    public static string Of(long unixMs)
    {
        var millisecond = (int)(unixMs % 1_000);
        var fraction = millisecond == 0 ? 0 : millisecond % 100 == 0 ? 2 : millisecond % 10 == 0 ? 3 : 4;
        return string.Create(19 + fraction, (Time: DateTime.UnixEpoch.AddMilliseconds(unixMs), Millisecond: millisecond), static (chars, state) =>
        {
            var (time, millisecond) = state;
            Digits(chars[..4], time.Year);
            chars[4] = '-';
            Digits(chars.Slice(5, 2), time.Month);
            chars[7] = '-';
            Digits(chars.Slice(8, 2), time.Day);
            chars[10] = ' ';
            Digits(chars.Slice(11, 2), time.Hour);
            chars[13] = ':';
            Digits(chars.Slice(14, 2), time.Minute);
            chars[16] = ':';
            Digits(chars.Slice(17, 2), time.Second);
            if (chars.Length > 19)
            {
                chars[19] = '.';
                Span<char> fraction = stackalloc char[3];
                Digits(fraction, millisecond);
                fraction[..(chars.Length - 20)].CopyTo(chars[20..]);
            }
        });
    }

    public static object OrNull(long? unixMs) => unixMs is { } value ? Of(value) : DBNull.Value;

    public static object OrNull(string? text) => (object?)text ?? DBNull.Value;

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
