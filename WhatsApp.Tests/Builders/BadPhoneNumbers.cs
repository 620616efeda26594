namespace WhatsApp.Tests.Builders;

/// <summary>
/// <see cref="Valid"/> spoiled the ways a .NET regex let through (<c>$</c> before a final newline, <c>\d</c> for any
/// Unicode digit) and the ways a copy and paste does; each must be refused wherever a number enters.
/// </summary>
public static class BadPhoneNumbers
{
    public const string Valid = "+14155552671";

    public static IEnumerable<TestCaseData> Cases() =>
        All().Select(c => new TestCaseData(c.Value).SetArgDisplayNames(c.Name));

    public static IEnumerable<(string Name, string Value)> All() =>
    [
        ("trailing LF", Valid + "\n"),
        ("trailing CRLF", Valid + "\r\n"),
        ("trailing space", Valid + " "),
        ("leading space", " " + Valid),
        ("zero-width space U+200B", "+1415555\u200B2671"),
        ("byte order mark U+FEFF", "\uFEFF" + Valid),
        ("Arabic-Indic digits", "+" + Shift(Valid[1..], '\u0660')),
        ("one Arabic-Indic digit", Valid[..^1] + "\u0661"),
        ("full-width digits", "+" + Shift(Valid[1..], '\uFF10')),
    ];

    /// <summary>The same digits in another Unicode block, whose zero is <paramref name="zero"/>.</summary>
    private static string Shift(string asciiDigits, char zero) =>
        string.Concat(asciiDigits.Select(d => (char)(zero + (d - '0'))));
}
