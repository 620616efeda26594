using System.Text.Json.Serialization;

namespace WhatsApp.Bench.FakePlivo;

/// <summary>Answer of <c>GET /stats</c>; times are seconds since the fake started.</summary>
internal sealed record AcceptStats(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("now_s")] double NowSeconds,
    [property: JsonPropertyName("senders")] IReadOnlyDictionary<string, SenderStats> Senders);
