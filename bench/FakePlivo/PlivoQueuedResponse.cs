using System.Text.Json.Serialization;

namespace WhatsApp.Bench.FakePlivo;

/// <summary>Plivo's 202 answer to a send: <c>{"api_id":…,"message":"message(s) queued","message_uuid":[…]}</c>.</summary>
internal sealed record PlivoQueuedResponse(
    [property: JsonPropertyName("api_id")] string ApiId,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("message_uuid")] IReadOnlyList<string> MessageUuid);
