using System.Net;
using WhatsApp.Tests.Databases;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;
using WhatsApp.Tests.Reliability;

namespace WhatsApp.Tests.Functional.MultiInstance;

/// <summary>
/// Two service processes on one PostgreSQL database, sending to one fake Plivo: every message goes out exactly once,
/// the per-sender limit holds for both together, a webhook or an idempotent send delivered to both is stored once,
/// and when one instance is killed the other sends what it had claimed once the leases expire. Runs in ./test.sh's
/// PostgreSQL run.
/// </summary>
[TestFixture]
[Category("MultiInstance")]
[NonParallelizable]
public sealed class TwoInstancesTests
{
    internal const string ApiKey = "multi-instance-sender-key-0123456";
    private const int RatePerSecond = 20;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    // Small claims so both instances get work; a short lease so a dead instance's claims come back quickly.
    private static readonly Dictionary<string, string> Dispatch = new()
    {
        ["Dispatch__PerSenderRatePerSecond"] = RatePerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dispatch__BatchSize"] = "10",
        ["Dispatch__LeaseDuration"] = "00:00:03",
        ["Dispatch__AttemptTimeout"] = "00:00:02",
        ["Dispatch__PollInterval"] = "00:00:00.100",
    };

    private SharedDatabase _database = null!;
    private FakePlivoServer _plivo = null!;

    [SetUp]
    public async Task StartPlivo()
    {
        if (!TestPostgres.Enabled)
        {
            Assert.Ignore($"Needs PostgreSQL: set {TestPostgres.ServerVariable} (./test.sh does).");
        }

        _database = new SharedDatabase();
        _plivo = await FakePlivoServer.StartAsync();
        _plivo.Behaviour = _ => FakeResponse.Accept(TimeSpan.FromMilliseconds(10));
    }

    [TearDown]
    public async Task Stop()
    {
        if (TestPostgres.Enabled)
        {
            await _plivo.DisposeAsync();
            _database.Dispose();
        }
    }

    [Test]
    public async Task Send_ThroughBothInstances_EachMessageSentOnceAndThePaceHeldInSum()
    {
        var (first, second) = await StartBothAsync();
        await using (first)
        await using (second)
        {
            var markers = Enumerable.Range(0, 120).Select(i => $"multi-{i:D4}").ToList();
            var accepted = await TwoInstances.SendThroughBothAsync(first, second, markers);
            var drained = await Eventually.HoldsAsync(async () => await _database.PendingAsync() == 0, Generous);

            var rows = await _database.OutboundAsync();
            var requests = _plivo.Requests.Where(r => r.Json?["text"] is not null).ToList();
            var byMarker = requests.GroupBy(r => (string)r.Json!["text"]!).ToDictionary(g => g.Key, g => g.Count());
            // Each instance has its own public URL; the query is the message's ref.
            var bySender = requests.GroupBy(r => ((string?)r.Json?["url"])?.Split('?', 2)[0]).ToDictionary(g => g.Key ?? "none", g => g.Count());
            var busiest = TwoInstances.MostInOneSecond(requests);
            await TestContext.Out.WriteLineAsync(
                $"{requests.Count} sends over {TwoInstances.Spread(requests).TotalSeconds:F1} s at {RatePerSecond}/s; most within one second at the fake: {busiest}");
            Assert.Multiple(() =>
            {
                Assert.That(accepted, Is.EqualTo(markers.Count), "every send accepted");
                Assert.That(drained, Is.True, "the queue drained");
                Assert.That(rows.Values.Select(r => r.Status).Distinct(), Is.EqualTo(new[] { "Sent" }));
                Assert.That(markers.Where(m => byMarker.GetValueOrDefault(m) != 1), Is.Empty, "each message reached Plivo exactly once");
                Assert.That(bySender, Has.Count.EqualTo(2), "both instances dispatched");
                // Measured where the requests arrive, after HTTP and scheduling jitter: the shared gate holds each permit
                // until a second after its answer, so no second there holds more than the limit, whichever instance sent.
                Assert.That(busiest, Is.LessThanOrEqualTo(RatePerSecond), "the sender's limit holds for both together in every second");

                // And the pace on average: two instances pacing on their own would take half the time.
                Assert.That(TwoInstances.Spread(requests), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds((requests.Count / (double)RatePerSecond) - 1)),
                    "the sender's limit holds for both together on average");
            });
        }
    }

    [Test]
    public async Task Duplicates_ToBothInstances_StoredOnceAndANonceUsedOnOneRefusedByTheOther()
    {
        var (first, second) = await StartBothAsync();
        await using (first)
        await using (second)
        {
            using var client = new HttpClient();

            // A client retrying one send with its idempotency key, the retry landing on the other instance.
            var sends = await Task.WhenAll(TwoInstances.SendWithKeyAsync(first, "multi-key-1"), TwoInstances.SendWithKeyAsync(second, "multi-key-1"));

            var form = WebhookTestHost.InboundForm("multi-inbound-1");

            // Plivo delivering one message twice (a retry lands on the other instance): each delivery freshly signed.
            using var toFirst = PlivoWebhookSigner.SignedFormPost(first.WebhookUrl, form, FakePlivoServer.DefaultAuthToken);
            using var toSecond = PlivoWebhookSigner.SignedFormPost(second.WebhookUrl, form, FakePlivoServer.DefaultAuthToken);
            var answers = await Task.WhenAll(client.SendAsync(toFirst), client.SendAsync(toSecond));

            // One signed request replayed to the other instance: its nonce was used there.
            const string nonce = "multi-instance-nonce-0001";
            var replayed = WebhookTestHost.InboundForm("multi-inbound-2");
            using var original = PlivoWebhookSigner.SignedFormPost(first.WebhookUrl, replayed, FakePlivoServer.DefaultAuthToken, nonce);
            using var replay = PlivoWebhookSigner.SignedFormPost(second.WebhookUrl, replayed, FakePlivoServer.DefaultAuthToken, nonce);
            using var originalAnswer = await client.SendAsync(original);
            using var replayAnswer = await client.SendAsync(replay);

            Assert.Multiple(async () =>
            {
                Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
                Assert.That(await InboundCountAsync("multi-inbound-1"), Is.EqualTo(1), "stored once");
                Assert.That(originalAnswer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(replayAnswer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the nonce is shared");
                Assert.That(await InboundCountAsync("multi-inbound-2"), Is.EqualTo(1));
                Assert.That(sends.Distinct().ToArray(), Has.Length.EqualTo(1), "one message id for one idempotency key");
                Assert.That(await _database.ScalarAsync("""SELECT COUNT(*) FROM "Messages" WHERE "Body" = 'idempotent'"""), Is.EqualTo(1));
            });
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }

    [Test]
    public async Task Instance_KilledMidLoad_TheOtherSendsWhatItHadClaimedOnceTheLeasesExpire()
    {
        _plivo.Behaviour = _ => FakeResponse.Accept(TimeSpan.FromMilliseconds(10));
        var (first, second) = await StartBothAsync();
        await using (first)
        await using (second)
        {
            var markers = Enumerable.Range(0, 150).Select(i => $"kill-{i:D4}").ToList();
            var accepted = await TwoInstances.SendThroughBothAsync(first, second, markers);
            var busy = await Eventually.HoldsAsync(
                async () => _plivo.AcceptedCount >= 20 && (await _database.OutboundAsync()).Values.Count(r => r.Status == "Queued" && r.Leased) >= 5,
                Generous,
                TimeSpan.FromMilliseconds(20));
            Assert.That(busy, Is.True, "claimed work built up");

            await first.KillAsync();
            var atKill = await _database.OutboundAsync();
            var drained = await Eventually.HoldsAsync(async () => await _database.PendingAsync() == 0, Generous);

            var rows = await _database.OutboundAsync();
            var byMarker = _plivo.Requests.Where(r => r.Json?["text"] is not null)
                .GroupBy(r => (string)r.Json!["text"]!).ToDictionary(g => g.Key, g => g.Count());
            var claimed = atKill.Where(r => r.Value.Status == "Queued" && r.Value.Leased).Select(r => r.Key).ToList();
            var inFlight = atKill.Where(r => r.Value.Status == "Sending").Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            Assert.Multiple(() =>
            {
                Assert.That(accepted, Is.EqualTo(markers.Count));
                Assert.That(drained, Is.True, $"the surviving instance drained the queue{Environment.NewLine}{second.OutputTail}");
                Assert.That(claimed.Where(m => rows[m].Status != "Sent"), Is.Empty, "claimed work is sent after the leases expire");
                Assert.That(rows.Where(r => r.Value.Status != "Sent" && !(r.Value.Status == "OutcomeUnknown" && inFlight.Contains(r.Key))), Is.Empty,
                    "only messages mid-request at the kill may end outcome unknown");
                Assert.That(byMarker.Where(m => m.Value > 1).Select(m => m.Key), Is.Empty, "no message reached Plivo twice");
            });
        }
    }

    private async Task<(ServiceProcess First, ServiceProcess Second)> StartBothAsync()
    {
        // Both at once: both apply migrations at start-up, as replicas of one deployment do.
        var settings = _database.Settings(Dispatch);
        var first = ServiceProcess.StartAsync(string.Empty, _plivo.BaseUrl, ApiKey, settings, Generous);
        var second = ServiceProcess.StartAsync(string.Empty, _plivo.BaseUrl, ApiKey, settings, Generous);
        return (await first, await second);
    }

    private Task<long> InboundCountAsync(string uuid) =>
        _database.ScalarAsync($"""SELECT COUNT(*) FROM "Messages" WHERE "Direction" = 'Inbound' AND "ProviderMessageId" = '{uuid}'""");
}
