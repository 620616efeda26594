using System.Text;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Seed.Writing;

/// <summary>
/// <see cref="InboundDetails"/> serialized as the Inbound column holds it (snake_case, nulls left out, raw fields in
/// arrival order); the same text <c>JsonColumnConverter</c> writes, a few times faster. Not thread-safe.
/// </summary>
internal sealed class InboundJson
{
    private readonly StringBuilder _builder = new(1024);

    public string Serialize(InboundDetails details)
    {
        var json = _builder.Clear().Append('{').AppendProperty("content_type", details.ContentType).Append(",\"media_urls\":[");
        for (var i = 0; i < details.MediaUrls.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").AppendString(details.MediaUrls[i]);
        }

        json.Append(']');
        Optional(json, "mime_type", details.MimeType);
        Optional(json, "button_payload", details.ButtonPayload);
        Optional(json, "button_text", details.ButtonText);
        Optional(json, "context_message_id", details.ContextMessageId);
        json.Append(",\"raw_fields\":{");
        var first = true;
        foreach (var (name, value) in details.RawFields)
        {
            json.Append(first ? string.Empty : ",").AppendProperty(name, value);
            first = false;
        }

        return json.Append("}}").ToString();
    }

    private static void Optional(StringBuilder json, string name, string? value)
    {
        if (value is not null)
        {
            json.Append(',').AppendProperty(name, value);
        }
    }
}
