namespace WhatsApp.Api.Features.Messages;

/// <summary>What only inbound messages carry, including every field Plivo sent.</summary>
public sealed record InboundDetailsResponse(
    string ContentType,
    IReadOnlyList<string> MediaUrls,
    string? MimeType,
    string? ButtonPayload,
    string? ButtonText,
    string? ContextMessageId,
    IReadOnlyDictionary<string, string> RawFields);
