using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace WhatsApp.Bench.FakePlivo;

/// <summary>Answer of <c>GET /stats</c>; times are seconds since the fake started.</summary>
internal sealed record AcceptStats(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("now_s")] double NowSeconds,
    [property: JsonPropertyName("senders")] IReadOnlyDictionary<string, SenderStats> Senders)
{
    /// <summary>The same as key=value lines for shell scripts: a <c>total</c> line, then one <c>sender</c> line each.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"total={Total} now_s={NowSeconds:F6}\n");
        foreach (var (sender, s) in Senders.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"sender={sender} count={s.Count} first_s={s.FirstSeconds:F6} last_s={s.LastSeconds:F6} max_in_any_second={s.MaxInAnySecond} average_per_second={s.AveragePerSecond:F3} steady_per_second={s.SteadyPerSecond:F3}\n");
        }

        return text.ToString();
    }
}
