using System.Text.RegularExpressions;

namespace WhatsApp.Api.Contracts;

public static partial class PhoneNumbers
{
    public const string Pattern = @"^\+[1-9]\d{7,14}$";
    public const string Message = "Must be an E.164 number such as +14155552671.";

    /// <summary><c>+</c> then 8 to 15 digits, no leading zero.</summary>
    [GeneratedRegex(Pattern)]
    public static partial Regex E164();
}
