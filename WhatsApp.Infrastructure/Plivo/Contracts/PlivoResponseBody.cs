using System.Text.Json;

namespace WhatsApp.Infrastructure.Plivo.Contracts;

/// <summary>
/// What we need from Plivo's reply: the first <c>message_uuid</c> on success, the <c>error</c> text on failure.
/// Parsed leniently: a body that is not the expected JSON yields nulls instead of an exception.
/// </summary>
internal sealed record PlivoResponseBody(string? MessageUuid, string? Error)
{
    private static readonly PlivoResponseBody Empty = new(null, null);

    public static PlivoResponseBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? new(FirstUuid(root), ErrorText(root)) : Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static string? FirstUuid(JsonElement root)
    {
        if (!root.TryGetProperty("message_uuid", out var uuids))
        {
            return null;
        }

        var first = uuids.ValueKind switch
        {
            JsonValueKind.Array when uuids.GetArrayLength() > 0 => uuids[0],
            JsonValueKind.String => uuids,
            _ => default,
        };
        return first.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(first.GetString())
            ? first.GetString()
            : null;
    }

    // Plivo documents a string, but some endpoints answer with an object; keep its raw JSON then.
    private static string? ErrorText(JsonElement root) =>
        root.TryGetProperty("error", out var error)
            ? error.ValueKind switch
            {
                JsonValueKind.String => error.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => error.GetRawText(),
            }
            : null;
}
