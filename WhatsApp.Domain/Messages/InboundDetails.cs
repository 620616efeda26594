namespace WhatsApp.Domain.Messages;

/// <summary>
/// What Plivo told us about an inbound message beyond its text: its content type as Plivo named it, media, the
/// tapped button, the message it replies to, and every field exactly as received (unknown ones included).
/// </summary>
public sealed record InboundDetails(
    string ContentType,
    IReadOnlyList<string> MediaUrls,
    string? MimeType,
    string? ButtonPayload,
    string? ButtonText,
    string? ContextMessageId,
    IReadOnlyDictionary<string, string> RawFields);
