using System.Text.RegularExpressions;

namespace WhatsApp.Infrastructure.Privacy;

/// <summary>A phone number as logs may show it: only its last four digits.</summary>
public static partial class ContactMask
{
    public static string Mask(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Length <= 4 ? "****" : string.Concat("***", number.AsSpan(number.Length - 4));
    }

    /// <summary>
    /// Masks every phone number in a request path or other text: any run of six or more digits, with the <c>+</c> or
    /// its escape <c>%2B</c> in front of it (<c>/api/contacts/%2B14155552671/window</c> becomes
    /// <c>/api/contacts/***2671/window</c>). Ids that happen to hold such a run lose it too; the trace id remains.
    /// </summary>
    public static string MaskNumbersIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Number().Replace(text, m => Mask(m.Value));
    }

    [GeneratedRegex(@"(?:\+|%2[bB])?\d{6,}")]
    private static partial Regex Number();
}
