namespace WhatsApp.Infrastructure.Privacy;

/// <summary>A phone number as logs may show it: only its last four digits.</summary>
internal static class ContactMask
{
    public static string Mask(string number) =>
        number.Length <= 4 ? "****" : string.Concat("***", number.AsSpan(number.Length - 4));
}
