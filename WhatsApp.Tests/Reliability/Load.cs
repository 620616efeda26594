using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WhatsApp.Tests.Reliability;

/// <summary>Drives the send API: many clients at once, each message marked with a text that identifies it at the fake.</summary>
internal static class Load
{
    public const string Recipient = "+14155552671";

    /// <summary>Posts one text message per marker, <paramref name="parallelism"/> at a time; returns marker → message id of every 202.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> SendAsync(HttpClient client, IEnumerable<string> markers, int parallelism = 16)
    {
        var accepted = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(markers, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (marker, ct) =>
        {
            if (await TrySendAsync(client, marker, ct) is { } id)
            {
                accepted[marker] = id;
            }
        });
        return accepted;
    }

    /// <summary>The new message's id when the API answered 202, else null.</summary>
    public static async Task<Guid?> TrySendAsync(HttpClient client, string marker, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", new { to = Recipient, message = marker }, ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("id").GetGuid();
    }
}
