namespace WhatsApp.Domain.Contacts;

/// <summary>
/// The one rule for the phone numbers the service accepts, wherever they come from (request bodies, routes, query
/// filters, configuration, Plivo's webhooks): E.164, that is ASCII <c>+</c>, a first digit 1-9 and 8 to 15 digits in
/// all, and nothing else in the string. Written without a regex on purpose: in .NET, <c>$</c> also matches before a
/// final newline and <c>\d</c> matches any Unicode digit, and each let a second contact exist for the same person.
/// </summary>
public static class PhoneNumber
{
    public const int MinDigits = 8;
    public const int MaxDigits = 15;

    /// <summary>The rule as an ECMAScript pattern, for documents such as OpenAPI (where <c>$</c> means the end).</summary>
    public const string Pattern = @"^\+[1-9][0-9]{7,14}$";

    public const string Message = "Must be an E.164 number such as +14155552671: '+' and 8 to 15 ASCII digits, nothing before or after.";

    public static bool IsE164(string? value) =>
        value is { Length: >= MinDigits + 1 and <= MaxDigits + 1 }
        && value[0] == '+'
        && value[1] is >= '1' and <= '9'
        && AllAsciiDigits(value.AsSpan(2));

    /// <summary>The start of a number, as a search filter: an optional <c>+</c> and 1 to 15 ASCII digits.</summary>
    public static bool IsPrefix(string? value)
    {
        var digits = value is not null && value.StartsWith('+') ? value.AsSpan(1) : value.AsSpan();
        return digits.Length is >= 1 and <= MaxDigits && AllAsciiDigits(digits);
    }

    private static bool AllAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
