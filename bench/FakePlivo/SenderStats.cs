using System.Text.Json.Serialization;

namespace WhatsApp.Bench.FakePlivo;

/// <summary>
/// One sender's accepts: how many, first and last (seconds since the fake started), the most that arrived within any
/// one-second window (sliding, not aligned to clock seconds) and the average rate between the first and the last.
/// </summary>
internal sealed record SenderStats(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("first_s")] double FirstSeconds,
    [property: JsonPropertyName("last_s")] double LastSeconds,
    [property: JsonPropertyName("max_in_any_second")] int MaxInAnySecond,
    [property: JsonPropertyName("average_per_second")] double AveragePerSecond)
{
    public static SenderStats From(long[] stamps, long origin, long frequency)
    {
        ArgumentNullException.ThrowIfNull(stamps);
        Array.Sort(stamps);
        if (stamps.Length == 0)
        {
            return new SenderStats(0, 0, 0, 0, 0);
        }

        var maxInWindow = 0;
        var start = 0;
        for (var end = 0; end < stamps.Length; end++)
        {
            // Window [stamps[start], stamps[start] + 1 s): drop accepts a full second or more before this one.
            while (stamps[end] - stamps[start] >= frequency)
            {
                start++;
            }

            maxInWindow = Math.Max(maxInWindow, end - start + 1);
        }

        var first = (double)(stamps[0] - origin) / frequency;
        var last = (double)(stamps[^1] - origin) / frequency;
        var average = stamps.Length > 1 && last > first ? (stamps.Length - 1) / (last - first) : 0;
        return new SenderStats(stamps.Length, first, last, maxInWindow, average);
    }
}
