using System.Diagnostics;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional;
using static WhatsApp.Tests.Reliability.ReliabilityDatabase;

namespace WhatsApp.Tests.Reliability;

/// <summary>
/// 2,000 messages through the API to a Plivo that fails half the time: 30% 503, 10% 429 with Retry-After, 5% resets
/// before reading the request, 5% hangs past the attempt timeout. Nothing may be lost, sent twice or resent blindly.
/// </summary>
[TestFixture]
[Category("Reliability")]
[NonParallelizable]
public sealed class FlakyProviderTests
{
    private const int Messages = 2000;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);

    // Time is compressed (backoff from 50 ms, a 1 s attempt timeout) so the run takes seconds. The breaker's failure
    // ratio is raised to 100%: this Plivo fails half the time by design, and the breaker has its own test (outage).
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatch:PerSenderRatePerSecond"] = "5000",
        ["Dispatch:AttemptTimeout"] = "00:00:01",
        ["Dispatch:RetryBaseDelay"] = "00:00:00.050",
        ["Dispatch:RetryMaxDelay"] = "00:00:01",
        ["Dispatch:MaxAttempts"] = "10",
        ["Dispatch:CircuitFailureRatio"] = "1.0",
    };

    [Test]
    public async Task Dispatch_2000MessagesToAFlakyPlivo_AllFinalNoneAcceptedTwiceUnknownNeverResent()
    {
        await using var plivo = await FakePlivoServer.StartAsync();
        plivo.Behaviour = FakeScenarios.WithFaults(
            seed: 2026,
            (0.30, FakeResponse.Error(503, "Service temporarily unavailable")),
            (0.10, FakeResponse.Error(429, "Too many requests", retryAfter: "1")),
            (0.05, FakeResponse.ResetBeforeReading()),
            (0.05, FakeResponse.Hang(TimeSpan.FromMinutes(2))));
        await using var host = new ReliabilityHost(plivo.BaseUrl, Settings);
        using var client = host.CreateClient(TestApiKeys.Sender);

        var clock = Stopwatch.StartNew();
        var accepted = await Load.SendAsync(client, Enumerable.Range(0, Messages).Select(i => $"flaky-{i:D4}"));
        var sendPhase = clock.Elapsed;
        var drained = await Eventually.HoldsAsync(async () => await host.Database.PendingAsync() == 0, DrainTimeout, TimeSpan.FromMilliseconds(500));
        var drainPhase = clock.Elapsed;

        var rows = await host.Database.OutboundAsync();
        var requests = plivo.Requests;
        var byMarker = requests.Where(r => r.Json is not null).ToLookup(r => (string?)r.Json!["text"] ?? string.Empty);
        var taken = byMarker.ToDictionary(g => g.Key, g => g.Count(r => r.Response is FakeResponseKind.Accept or FakeResponseKind.Hang));
        var statuses = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        int Count(string status) => statuses.GetValueOrDefault(status);
        var unknownFaults = requests.Count(r => r.Response is FakeResponseKind.Hang or FakeResponseKind.ResetBeforeReading);
        var scripted = requests.Select(r => plivo.Behaviour(r.Index)).ToList();
        var acceptedUuids = plivo.AcceptedUuids.ToHashSet(StringComparer.Ordinal);
        var resentAfterUnknown = byMarker.Count(g =>
            g.OrderBy(r => r.Index).SkipWhile(r => r.Response != FakeResponseKind.Hang).Skip(1).Any());

        Figures.Report(
            "flaky provider",
            ("messages", Messages),
            ("accepted by the API", accepted.Count),
            ("requests to Plivo", requests.Count),
            ("503", scripted.Count(r => r.StatusCode == 503)),
            ("429", scripted.Count(r => r.StatusCode == 429)),
            ("resets", requests.Count(r => r.Response == FakeResponseKind.ResetBeforeReading)),
            ("hangs", requests.Count(r => r.Response == FakeResponseKind.Hang)),
            ("sent", Count(Sent)),
            ("failed", Count(Failed)),
            ("outcome unknown", Count(OutcomeUnknown)),
            ("lost", Messages - rows.Count),
            ("duplicated", taken.Values.Count(n => n > 1)),
            ("all accepted after (s)", Math.Round(sendPhase.TotalSeconds, 1)),
            ("queue drained after (s)", Math.Round(drainPhase.TotalSeconds, 1)));

        Assert.Multiple(() =>
        {
            Assert.That(accepted, Has.Count.EqualTo(Messages), "every send is acknowledged");
            Assert.That(drained, Is.True, $"the queue drains; still pending: {rows.Count(r => r.Status is Queued or Sending)}");
            Assert.That(rows.Select(r => r.Id), Is.EquivalentTo(accepted.Values), "every acknowledged message is stored, nothing else");
            Assert.That(Count(Sent) + Count(Failed) + Count(OutcomeUnknown), Is.EqualTo(Messages), "every message ends sent, failed or outcome unknown");
            Assert.That(taken.Values.Where(n => n > 1), Is.Empty, "Plivo took no message twice (accepted or hung on it)");
            Assert.That(resentAfterUnknown, Is.Zero, "no message was sent again after a request whose outcome is unknown");
            Assert.That(Count(OutcomeUnknown), Is.GreaterThanOrEqualTo(unknownFaults), "every reset and hang left its message outcome unknown");
            Assert.That(rows.Sum(r => r.Attempts), Is.GreaterThanOrEqualTo(requests.Count), "no request to Plivo without a recorded attempt");
            foreach (var row in rows.Where(r => r.Status == Sent))
            {
                Assert.That(acceptedUuids, Does.Contain(row.ProviderMessageId), $"{row.Body} stores the uuid Plivo gave it");
                Assert.That(taken.GetValueOrDefault(row.Body ?? string.Empty), Is.EqualTo(1), $"{row.Body} was accepted exactly once");
            }

            foreach (var row in rows.Where(r => r.Status != Sent && taken.GetValueOrDefault(r.Body ?? string.Empty) > 0))
            {
                Assert.That(row.Status, Is.EqualTo(OutcomeUnknown), $"{row.Body} reached Plivo, so it is sent or outcome unknown");
            }
        });
    }
}
