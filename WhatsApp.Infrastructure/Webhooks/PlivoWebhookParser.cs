using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>
/// Reads Plivo's webhook fields: a form with <c>Status</c> is a delivery report, one with <c>From</c> but no status is
/// an inbound message. Field names Plivo does not document for WhatsApp are accepted in each spelling seen in the wild.
/// </summary>
internal static class PlivoWebhookParser
{
    /// <summary>The reason recorded for Plivo's <c>rejected</c> status, which is stored as <c>failed</c>.</summary>
    public const string RejectedReason = "Plivo status: rejected";

    public static string Classify(PlivoFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Get("Status") is not null)
        {
            return ReadWebhook.StatusKind;
        }

        return fields.Get("From") is not null && fields.Get("MessageUUID") is not null ? ReadWebhook.InboundKind : ReadWebhook.UnknownKind;
    }

    public static StatusReport ParseStatus(PlivoFields fields)
    {
        var uuid = Bounded(fields.Get("MessageUUID"), "MessageUUID", StoredLengths.ProviderMessageId)
            ?? throw new FormatException("The status report has no MessageUUID.");
        var statusText = fields.Get("Status")!;
        var status = statusText.ToLowerInvariant() switch
        {
            "queued" => MessageStatus.Queued,
            "sent" => MessageStatus.Sent,
            "delivered" => MessageStatus.Delivered,
            "read" => MessageStatus.Read,
            // Plivo's "rejected" (old SMS callbacks, the list filter) is a terminal failure: stored as failed.
            "failed" or "rejected" => MessageStatus.Failed,
            "undelivered" => MessageStatus.Undelivered,
            _ => throw new FormatException($"Unknown status '{statusText}'."),
        };
        var time = status switch
        {
            MessageStatus.Queued => fields.Time("QueuedTime"),
            MessageStatus.Sent => fields.Time("SentTime"),
            _ => fields.Time("DeliveryReportTime"),
        } ?? fields.Time("MessageTime");
        var errorCode = Bounded(fields.Get("ErrorCode"), "ErrorCode", StoredLengths.ErrorCode) is { } code && code != "000" ? code : null;
        var conversation = fields.Get("ConversationID", "ConversationId") is { } id
            ? new ConversationInfo(id, fields.Get("ConversationOrigin"), fields.UnixTime("ConversationExpirationTimestamp"))
            : null;
        // The provider's word is kept in the history as the reason when Plivo gives none.
        var reason = fields.Get("ErrorReason", "ErrorMessage", "Reason")
            ?? (statusText.Equals("rejected", StringComparison.OrdinalIgnoreCase) ? RejectedReason : null);
        return new StatusReport(uuid, status, Bounded(fields.Get("Sequence"), "Sequence", StoredLengths.Sequence), time, errorCode, reason, conversation);
    }

    public static InboundMessage ParseInbound(PlivoFields fields)
    {
        var uuid = Bounded(fields.Get("MessageUUID"), "MessageUUID", StoredLengths.ProviderMessageId)
            ?? throw new FormatException("The inbound message has no MessageUUID.");
        // An E.164 number (at most 16 characters) always fits its column.
        var from = PlivoFields.ToE164(fields.Get("From"))
            ?? throw new FormatException("The inbound message has no From that is an E.164 number.");
        var to = PlivoFields.ToE164(fields.Get("To")) ?? string.Empty;
        var contentType = (fields.Get("ContentType") ?? "text").ToLowerInvariant();
        var media = fields.MediaUrls();
        var type = contentType switch
        {
            "text" => MessageType.Text,
            "media" or "image" or "video" or "audio" or "document" or "sticker" => MessageType.Media,
            "button" => MessageType.Button,
            "interactive" => MessageType.Interactive,
            "location" => MessageType.Location,
            _ => MessageType.Unknown,
        };
        var location = fields.Get("Latitude", "Location.Latitude") is { } latitude && fields.Get("Longitude", "Location.Longitude") is { } longitude
            ? new LocationContent(latitude, longitude, fields.Get("LocationName", "Location.Name"), fields.Get("LocationAddress", "Location.Address"))
            : null;
        var details = new InboundDetails(
            contentType,
            media,
            fields.Get("MimeType"),
            fields.Get("Button.Payload", "ButtonPayload", "Button[Payload]"),
            fields.Get("Button.Text", "ButtonText", "Button[Text]"),
            fields.Get("Context.MessageUUID", "ContextMessageUUID", "Context[MessageUUID]"),
            fields.All);
        var content = new MessageContent(Text: fields.Get("Body"), MediaUrl: media.Count > 0 ? media[0] : null, Location: location);
        return new InboundMessage(uuid, from, to, type, content, details);
    }

    /// <summary>
    /// An identifier longer than its indexed column is no Plivo identifier: the report is not applied (its receipt,
    /// kept whole, is listed as unprocessed with this reason) rather than failing the insert.
    /// </summary>
    private static string? Bounded(string? value, string field, int maxLength) =>
        value is { Length: var length } && length > maxLength
            ? throw new FormatException($"{field} is {length} characters long; at most {maxLength} are stored.")
            : value;
}
