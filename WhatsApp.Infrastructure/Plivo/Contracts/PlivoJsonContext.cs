using System.Text.Json.Serialization;

namespace WhatsApp.Infrastructure.Plivo.Contracts;

/// <summary>
/// The single place that decides how we write Plivo JSON: snake_case names, nulls omitted at every level
/// (Plivo's SDKs drop null fields; whether Plivo tolerates nulls inside nested objects is unverified).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlivoSendMessageRequest))]
internal sealed partial class PlivoJsonContext : JsonSerializerContext;
