namespace WhatsApp.Infrastructure.Plivo.Contracts;

/// <summary>Body of <c>POST /v1/Account/{auth_id}/Message/</c> for a WhatsApp message (facts §1.2).</summary>
internal sealed record PlivoSendMessageRequest(
    string Src,
    string Dst,
    string Type,
    string? Text = null,
    IReadOnlyList<string>? MediaUrls = null,
    PlivoTemplate? Template = null,
    PlivoInteractive? Interactive = null,
    PlivoLocation? Location = null,
    string? Url = null,
    string? Method = null);
