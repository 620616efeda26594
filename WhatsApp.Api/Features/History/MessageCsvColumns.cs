using System.Text.Json;

namespace WhatsApp.Api.Features.History;

/// <summary>
/// The CSV export's columns, in order: each header, the stored Messages column it comes from, and how its value is
/// written. Every other stored column is in <see cref="NotExported"/> with the reason, so a new column is a decision:
/// ColumnClassificationTests fails, naming it, until it is in one list or the other.
/// </summary>
internal static class MessageCsvColumns
{
    public static IReadOnlyList<(string Header, string Column, Func<MessageListItem, string?> Value)> Exported { get; } =
    [
        ("id", "Id", m => m.Id.ToString()),
        ("created_at", "CreatedAt", m => m.CreatedAt.ToString("O")),
        ("direction", "Direction", m => m.Direction),
        ("type", "Type", m => m.Type),
        ("from", "From", m => m.From),
        ("to", "To", m => m.To),
        ("status", "Status", m => m.Status),
        ("template_name", "TemplateName", m => m.TemplateName),
        ("body", "Body", m => m.Body),
        ("media_url", "MediaUrl", m => m.MediaUrl),
        ("provider_message_id", "ProviderMessageId", m => m.ProviderMessageId),
        ("error_code", "ErrorCode", m => m.ErrorCode),
        ("error_reason", "ErrorReason", m => m.ErrorReason),
        ("updated_at", "UpdatedAt", m => m.UpdatedAt.ToString("O")),
        ("metadata", "Metadata", m => m.Metadata is null ? null : JsonSerializer.Serialize(m.Metadata)),
        ("sent_by", "SentBy", m => m.SentBy),
    ];

    public static IReadOnlyDictionary<string, string> NotExported { get; } = new Dictionary<string, string>
    {
        ["Contact"] = "the customer's number, already in from (inbound) or to (outbound)",
        ["SearchText"] = "a lower-cased copy of body, kept for search",
        ["Template"] = "the template's parameters as JSON; template_name names it, GET /api/messages/{id} shows the rest",
        ["Interactive"] = "buttons and lists as JSON, shown by GET /api/messages/{id}",
        ["Location"] = "a location as JSON, shown by GET /api/messages/{id}",
        ["Inbound"] = "Plivo's raw fields and media list as JSON, shown by GET /api/messages/{id}",
        ["Conversation"] = "WhatsApp's billing conversation, shown by GET /api/messages/{id}",
        ["SentAt"] = "when Plivo accepted it, shown by GET /api/messages/{id}; status and updated_at tell the outcome",
        ["ResendOf"] = "the link to a resent message, shown by the lists and GET /api/messages/{id} (resend_of)",
        ["OutsideWindow"] = "set at acceptance under the Warn window policy, shown by GET /api/messages/{id}",
        ["ClientName"] = "which API client sent it: the gateway's own bookkeeping for sender-scoped reads",
        ["Attempts"] = "the dispatcher's working state, not the message's history",
        ["NextAttemptAt"] = "the dispatcher's working state, not the message's history",
        ["LeaseOwner"] = "the dispatcher's working state, not the message's history",
        ["LeaseExpiresAt"] = "the dispatcher's working state, not the message's history",
    };
}
