namespace WhatsApp.Tests.Unit.Signatures;

/// <summary>Inputs shared by Plivo's published V3 test vectors (plivo-go utils_test.go, plivo-ruby signature_spec.rb).</summary>
internal static class PlivoOfficialVectors
{
    public const string Token = "Y2Q2ZDgxZmY5YWRiOTI5YmQ1Njg0MTAxZWIyOTc4";
    public const string Nonce = "31627761595286130198";
    public const string UrlWithQuery = "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml/?a=b&c=d";
    public const string UrlWithoutQuery = "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml";

    /// <summary>The signature of vector #3 when keys are sorted case-insensitively, which is wrong.</summary>
    public const string CaseInsensitiveSortSignature = "b9MI4yiEUxvdDwlvtCsoR/Lh2wPvYv9PLj+FPaqi+w8=";

    public static IReadOnlyList<KeyValuePair<string, string>> Params { get; } =
    [
        new("Direction", "outbound"),
        new("From", "19792014278"),
        new("ALegUUID", "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36"),
        new("SessionStart", "2020-04-08 11:34:33.238707"),
        new("BillRate", "0.002"),
        new("ParentAuthID", "MANWVLYTK4ZWU1YTY4QA"),
        new("To", "sip:PlivoSignature382029104058171078704104@phone-qa.voice.plivodev.com"),
        new("RequestUUID", "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36"),
        new("ALegRequestUUID", "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36"),
        new("CallUUID", "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36"),
        new("SIP-H-To", "<sip:PlivoSignature382029104058171078704104@52.9.11.55;transport=udp>;tag=1"),
        new("CallStatus", "in-progress"),
        new("Event", "StartApp"),
    ];
}
