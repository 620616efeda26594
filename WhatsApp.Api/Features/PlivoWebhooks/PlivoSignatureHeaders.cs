namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>The headers Plivo signs webhooks with. <c>-Ma-</c> ones are signed with the main account's token.</summary>
public static class PlivoSignatureHeaders
{
    public const string V3 = "X-Plivo-Signature-V3";
    public const string MainAccountV3 = "X-Plivo-Signature-Ma-V3";
    public const string V3Nonce = "X-Plivo-Signature-V3-Nonce";
    public const string V2 = "X-Plivo-Signature-V2";
    public const string MainAccountV2 = "X-Plivo-Signature-Ma-V2";
    public const string V2Nonce = "X-Plivo-Signature-V2-Nonce";

    public static IReadOnlyList<string> All { get; } = [V3, MainAccountV3, V3Nonce, V2, MainAccountV2, V2Nonce];
}
