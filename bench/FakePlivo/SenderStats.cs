using System.Text.Json.Serialization;

namespace WhatsApp.Bench.FakePlivo;

/// <summary>
/// One sender's accepts: how many, first and last (seconds since the fake started), the most that arrived within any
/// one-second window (sliding, not aligned to clock seconds), the average rate between the first and the last, and
/// the steady rate: arrivals in the whole seconds after the first, divided by their number. A limiter that lets a
/// full window through at once makes the first-to-last average overstate its rate (n messages in (n - limit) / limit
/// seconds); the steady rate counts each of those windows once, whatever the shape within them.
/// </summary>
internal sealed record SenderStats(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("first_s")] double FirstSeconds,
    [property: JsonPropertyName("last_s")] double LastSeconds,
    [property: JsonPropertyName("max_in_any_second")] int MaxInAnySecond,
    [property: JsonPropertyName("average_per_second")] double AveragePerSecond,
    [property: JsonPropertyName("steady_per_second")] double SteadyPerSecond)
{
    public static SenderStats From(long[] stamps, long origin, long frequency)
    {
        ArgumentNullException.ThrowIfNull(stamps);
        Array.Sort(stamps);
        if (stamps.Length == 0)
        {
            return new SenderStats(0, 0, 0, 0, 0, 0);
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
        var wholeSeconds = (stamps[^1] - stamps[0]) / frequency;
        var steady = wholeSeconds == 0 ? 0 : (double)stamps.Count(s => s < stamps[0] + (wholeSeconds * frequency)) / wholeSeconds;
        return new SenderStats(stamps.Length, first, last, maxInWindow, average, steady);
    }
}
