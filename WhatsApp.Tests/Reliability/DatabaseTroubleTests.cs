using System.Net;
using System.Net.Http.Json;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Reliability.ReliabilityDatabase;

namespace WhatsApp.Tests.Reliability;

/// <summary>
/// Another process holds the SQLite write lock (a stuck tool, a backup): every send and webhook gets a 503 problem and
/// nothing it carried is stored, readiness turns unhealthy, and once the lock is gone the same process carries on.
/// </summary>
[TestFixture]
[Category("Reliability")]
[NonParallelizable]
public sealed class DatabaseTroubleTests
{
    private const int RequestsWhileLocked = 8;
    private static readonly Uri PublicBaseUrl = new("https://gateway.example.com");
    private static readonly Uri WebhookUrl = new(PublicBaseUrl, "/api/webhooks/plivo");
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Requests_WhileAnotherProcessHoldsTheWriteLock_503NothingStoredUnreadyThenRecoversWithoutRestart()
    {
        await using var plivo = await FakePlivoServer.StartAsync();
        await using var host = new ReliabilityHost(
            plivo.BaseUrl,
            new Dictionary<string, string?> { ["Plivo:PublicBaseUrl"] = PublicBaseUrl.ToString() },
            sqliteOptions: "Default Timeout=2");
        using var sender = host.CreateClient(TestApiKeys.Sender);
        using var webhooks = host.CreateClient();

        Assert.That(await Load.TrySendAsync(sender, "before", CancellationToken.None), Is.Not.Null);
        Assert.That((await PostInboundAsync(webhooks, "in-before")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var locked = await LockAndCallAsync(host, sender, webhooks);
        var recovered = await Eventually.HoldsAsync(async () => (await host.ReadinessAsync()).Status == 200, Generous);
        var after = await Load.SendAsync(sender, Enumerable.Range(0, RequestsWhileLocked).Select(i => $"after-{i}"));
        var webhooksAfter = await Task.WhenAll(Enumerable.Range(0, RequestsWhileLocked).Select(i => PostInboundAsync(webhooks, $"in-after-{i}")));
        var drained = await Eventually.HoldsAsync(async () => await host.Database.PendingAsync() == 0, Generous);

        var rows = await host.Database.OutboundAsync();
        var inbound = await host.Database.InboundProviderIdsAsync();
        var receipts = await host.Database.ScalarAsync("SELECT COUNT(*) FROM WebhookReceipts");
        var stored503 = rows.Count(r => r.Body!.StartsWith("locked-", StringComparison.Ordinal)) + inbound.Count(i => i.StartsWith("in-locked-", StringComparison.Ordinal));
        Figures.Report(
            "database locked",
            ("requests while locked", locked.Responses.Count),
            ("503 problem", locked.Responses.Count(r => r.Status == 503 && r.Problem)),
            ("2xx", locked.Responses.Count(r => r.Status is >= 200 and < 300)),
            ("stored anyway", stored503),
            ("readiness while locked", locked.Readiness),
            ("recovered without restart", recovered));

        Assert.Multiple(() =>
        {
            foreach (var (what, status, problem, retryAfter) in locked.Responses)
            {
                Assert.That(status, Is.EqualTo(503), what);
                Assert.That(problem, Is.True, $"{what}: application/problem+json");
                Assert.That(retryAfter, Is.True, $"{what}: Retry-After");
            }

            Assert.That(locked.Readiness, Is.EqualTo((503, "Unhealthy")), "readiness while locked");
            Assert.That(recovered, Is.True, "ready again once the lock is gone");
            Assert.That(after, Has.Count.EqualTo(RequestsWhileLocked), "sends accepted again");
            Assert.That(webhooksAfter.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK), "webhooks accepted again");
            Assert.That(stored503, Is.Zero, "nothing answered 503 was stored");
            Assert.That(rows.Select(r => r.Body), Is.EquivalentTo(after.Keys.Append("before")));
            Assert.That(inbound, Is.EquivalentTo(Enumerable.Range(0, RequestsWhileLocked).Select(i => $"in-after-{i}").Append("in-before")));
            Assert.That(receipts, Is.EqualTo(RequestsWhileLocked + 1), "a refused webhook leaves no receipt");
            Assert.That(drained, Is.True, "the dispatcher carries on");
            Assert.That(rows.Select(r => r.Status).Distinct(), Is.EqualTo(new[] { Sent }));
        });
        foreach (var response in webhooksAfter)
        {
            response.Dispose();
        }
    }

    // Holds the write lock the way another process would (BEGIN IMMEDIATE on its own connection) while sends,
    // webhooks and a readiness check arrive together.
    private static async Task<LockedRun> LockAndCallAsync(ReliabilityHost host, HttpClient sender, HttpClient webhooks)
    {
        await using var other = await host.Database.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var sends = Enumerable.Range(0, RequestsWhileLocked).Select(async i =>
            await DescribeAsync($"send locked-{i}", await sender.PostAsJsonAsync("/api/messages", new { to = Load.Recipient, message = $"locked-{i}" })));
        var inbound = Enumerable.Range(0, RequestsWhileLocked).Select(async i =>
            await DescribeAsync($"webhook in-locked-{i}", await PostInboundAsync(webhooks, $"in-locked-{i}")));
        var readiness = host.ReadinessAsync();
        var responses = await Task.WhenAll(sends.Concat(inbound));
        var ready = await readiness;

        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        return new LockedRun(responses, ready);
    }

    private static async Task<(string What, int Status, bool Problem, bool RetryAfter)> DescribeAsync(string what, HttpResponseMessage response)
    {
        using (response)
        {
            await response.Content.LoadIntoBufferAsync();
            return (what, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/problem+json", response.Headers.RetryAfter is not null);
        }
    }

    private static Task<HttpResponseMessage> PostInboundAsync(HttpClient client, string uuid)
    {
        var request = PlivoWebhookSigner.SignedFormPost(WebhookUrl, WebhookTestHost.InboundForm(uuid), FakePlivoServer.DefaultAuthToken);
        return client.SendAsync(request);
    }

    private sealed record LockedRun(IReadOnlyList<(string What, int Status, bool Problem, bool RetryAfter)> Responses, (int Status, string Body) Readiness);
}
