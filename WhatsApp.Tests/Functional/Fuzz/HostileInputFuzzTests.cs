using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WhatsApp.Tests.Functional.Webhooks;

namespace WhatsApp.Tests.Functional.Fuzz;

/// <summary>
/// Generated hostile requests against every endpoint. First only anonymous requests and unsigned webhooks, which
/// must not change a single row; then a mixed run with valid keys and signed webhooks carrying extreme values.
/// Nothing may answer 5xx or leak internals, and the service must end healthy with bounded memory. Runs on both
/// databases: on PostgreSQL a column's declared length is enforced, so fields beyond every former bound are generated.
/// Reproduce a run with <c>FUZZ_SEED</c>; <c>FUZZ_REQUESTS</c> changes the size of the mixed run.
/// </summary>
[TestFixture]
[Category("Fuzz")]
public sealed class HostileInputFuzzTests
{
    private const int DefaultSeed = 20261127;
    private const int AnonymousRequests = 2_500;
    private const int DefaultMixedRequests = 10_000;
    private const int Concurrency = 8;
    private const long MaxHeapGrowthBytes = 256L * 1024 * 1024;
    private const string UnsignedMarker = "zq7unsignedfuzz";

    [Test]
    public async Task EveryEndpoint_UnderHostileRequests_NeverAnswers5xxNorWritesUnsignedRows()
    {
        var seed = Setting("FUZZ_SEED", DefaultSeed);
        var mixed = Setting("FUZZ_REQUESTS", DefaultMixedRequests);
        TestContext.Out.WriteLine($"fuzz seed {seed} (rerun with FUZZ_SEED={seed}), {AnonymousRequests} anonymous + {mixed} mixed requests");
        await using var factory = new WhatsAppApiFactory(new Uri("http://127.0.0.1:9/"), dispatch: false, new Dictionary<string, string?>
        {
            ["Plivo:PublicBaseUrl"] = WebhookTestHost.PublicBaseUrl.ToString(),
            ["RateLimiting:PermitsPerSecond"] = "0",
        });
        await using var quiet = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.ClearProviders()));
        using var client = quiet.CreateClient();
        var generator = new FuzzRequestGenerator(seed, UnsignedMarker);
        var results = new FuzzResults();
        var clock = Stopwatch.StartNew();

        var rowsBefore = await DatabaseRows.CountAsync(factory);
        await AuthenticateEveryKeyAsync(client);
        await RunAsync(client, results, Enumerable.Range(0, AnonymousRequests).Select(i => generator.Next(i, anonymousOnly: true)));
        var rowsAfterAnonymous = await DatabaseRows.CountAsync(factory);
        var heapBefore = HeapAfterFullCollection();

        // Printed, not asserted: the test process holds every test before this one, and a forced collection just trimmed
        // it, so its working set measures the suite, not the app (the bench measures the service's own RSS per phase).
        var workingSetBefore = Environment.WorkingSet;

        await RunAsync(client, results, Enumerable.Range(AnonymousRequests, mixed).Select(i => generator.Next(i, anonymousOnly: false)));
        var heapAfter = HeapAfterFullCollection();
        var unsignedRows = await DatabaseRows.FindTextAsync(factory, UnsignedMarker);
        using var ready = await client.GetAsync("/health/ready");
        using var send = await SendValidMessageAsync(client);

        TestContext.Out.WriteLine(
            $"{results.Sent} requests in {clock.Elapsed.TotalSeconds:F1} s ({results.UnsignedWebhooks} unsigned webhooks), " +
            $"5xx: {results.Count(s => s >= 500)}, 2xx: {results.Count(s => s < 300)}, 4xx: {results.Count(s => s is >= 400 and < 500)}; " +
            $"managed heap {heapBefore / 1_048_576} MB -> {heapAfter / 1_048_576} MB, working set {workingSetBefore / 1_048_576} MB -> {Environment.WorkingSet / 1_048_576} MB");
        TestContext.Out.WriteLine(results.Summary());
        Assert.Multiple(() =>
        {
            Assert.That(results.Sent, Is.GreaterThanOrEqualTo(AnonymousRequests + mixed));
            Assert.That(results.ServerErrors, Is.Empty, $"seed {seed}: 5xx or accepted unsigned webhooks");
            Assert.That(results.TransportErrors, Is.Empty, $"seed {seed}: requests that failed without a response");
            Assert.That(results.Leaks, Is.Empty, $"seed {seed}: responses that leak exception or SQL details");
            Assert.That(rowsAfterAnonymous, Is.EqualTo(rowsBefore), $"seed {seed}: anonymous requests or unsigned webhooks wrote rows");
            Assert.That(unsignedRows, Is.Empty, $"seed {seed}: unsigned webhooks wrote these columns");
            Assert.That(heapAfter - heapBefore, Is.LessThan(MaxHeapGrowthBytes), "managed heap growth after a full collection");
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health after the run");
            Assert.That(send.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "a valid send after the run");
        });
    }

    private static async Task RunAsync(HttpClient client, FuzzResults results, IEnumerable<FuzzRequest> requests) =>
        await Parallel.ForEachAsync(
            requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, ct) => await results.SendAsync(client, request, ct));

    // The clients were working before the hostile ones came: the anonymous phase throttles the one test address, and
    // from then on only keys that had already authenticated from it pass (a key new to it would get 429 like a guess).
    private static async Task AuthenticateEveryKeyAsync(HttpClient client)
    {
        foreach (var key in FuzzHttp.ValidKeys)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/messages/{Guid.NewGuid()}");
            request.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an unknown message, read with a valid key");
        }
    }

    private static async Task<HttpResponseMessage> SendValidMessageAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new { to = "+14155552671", type = "text", message = "still here" }),
        };
        request.Headers.Add("X-Api-Key", TestApiKeys.Sender);
        return await client.SendAsync(request);
    }

    private static long HeapAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
