using System.Text.RegularExpressions;

namespace WhatsApp.Api.Contracts;

public static partial class PhoneNumbers
{
    /// <summary><c>+</c> then 8 to 15 digits, no leading zero.</summary>
    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    public static partial Regex E164();
}
