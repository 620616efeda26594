using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Reliability;

namespace WhatsApp.Tests.Functional.MultiInstance;

/// <summary>Load and measurements for <see cref="TwoInstancesTests"/>.</summary>
internal static class TwoInstances
{
    public static async Task<int> SendThroughBothAsync(ServiceProcess first, ServiceProcess second, IReadOnlyList<string> markers)
    {
        using var toFirst = Client(first);
        using var toSecond = Client(second);
        var sent = await Task.WhenAll(
            Load.SendAsync(toFirst, markers.Where((_, i) => i % 2 == 0), parallelism: 4),
            Load.SendAsync(toSecond, markers.Where((_, i) => i % 2 == 1), parallelism: 4));
        return sent.Sum(s => s.Count);
    }

    public static async Task<string> SendWithKeyAsync(ServiceProcess service, string key)
    {
        using var client = Client(service);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new { to = Load.Recipient, message = "idempotent" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static HttpClient Client(ServiceProcess service)
    {
        var client = new HttpClient { BaseAddress = service.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", TwoInstancesTests.ApiKey);
        return client;
    }

    public static TimeSpan Spread(IReadOnlyList<RecordedPlivoRequest> requests) =>
        requests.Max(r => r.ReceivedAt) - requests.Min(r => r.ReceivedAt);

    // The most requests that arrived within any one second.
    public static int MostInOneSecond(IEnumerable<RecordedPlivoRequest> requests)
    {
        var times = requests.Select(r => r.ReceivedAt).Order().ToArray();
        var most = 0;
        for (int start = 0, end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }
}
