using System.Diagnostics;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional;
using static WhatsApp.Tests.Reliability.ReliabilityDatabase;

namespace WhatsApp.Tests.Reliability;

/// <summary>
/// Plivo is down for 30 seconds (connection refused). The circuit opens and says so in the logs and on
/// /health/ready; nothing is dropped; once Plivo is back every message goes out once, at the per-sender pace.
/// </summary>
[TestFixture]
[Category("Reliability")]
[NonParallelizable]
public sealed class PlivoOutageTests
{
    private const int BeforeOutage = 50;
    private const int DuringOutage = 200;
    private const int RatePerSecond = 40;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    // Time is compressed: backoff from 200 ms to 3 s and a 3 s break instead of 2 s to 5 min and 15 s, so the
    // retry budget is raised to match (the defaults ride out about 13 minutes of outage).
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatch:PerSenderRatePerSecond"] = RatePerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dispatch:AttemptTimeout"] = "00:00:02",
        ["Dispatch:RetryBaseDelay"] = "00:00:00.200",
        ["Dispatch:RetryMaxDelay"] = "00:00:03",
        ["Dispatch:MaxAttempts"] = "40",
        ["Dispatch:CircuitMinimumThroughput"] = "10",
        ["Dispatch:CircuitSamplingDuration"] = "00:00:10",
        ["Dispatch:CircuitBreakDuration"] = "00:00:03",
    };

    [Test]
    public async Task Dispatch_PlivoRefusesConnectionsFor30Seconds_CircuitOpensNothingDroppedAllSentOncePaced()
    {
        var first = await FakePlivoServer.StartAsync();
        var port = first.BaseUrl.Port;
        await using var host = new ReliabilityHost(first.BaseUrl, Settings);
        using var client = host.CreateClient(TestApiKeys.Sender);
        FakePlivoServer? second = null;
        try
        {
            var before = await Load.SendAsync(client, Enumerable.Range(0, BeforeOutage).Select(i => $"before-{i:D3}"));
            Assert.That(await Eventually.HoldsAsync(async () => await host.Database.PendingAsync() == 0, Generous), "sent before the outage");
            var readyBefore = await host.ReadinessAsync();

            await first.StopAsync();
            var outage = Stopwatch.StartNew();
            var during = await Load.SendAsync(client, Enumerable.Range(0, DuringOutage).Select(i => $"outage-{i:D3}"));
            string? degraded = null;
            var opened = await Eventually.HoldsAsync(
                async () => (degraded = (await host.ReadinessAsync()).Body) == "Degraded" && host.Logs.Contains("Circuit to Plivo opened"),
                Outage);
            var openedAfter = outage.Elapsed;
            var rest = Outage - outage.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }

            var midOutage = await host.Database.OutboundAsync();

            second = await FakePlivoServer.StartAsync(port: port);
            var back = Stopwatch.StartNew();
            var drained = await Eventually.HoldsAsync(async () => await host.Database.PendingAsync() == 0, Generous);
            var drainedAfter = back.Elapsed;
            var closed = await Eventually.HoldsAsync(async () => (await host.ReadinessAsync()).Body == "Healthy", Generous);

            var rows = await host.Database.OutboundAsync();
            var acceptedAfter = second.Requests.Where(r => r.Response == FakeResponseKind.Accept).OrderBy(r => r.ReceivedAt).ToList();
            var acceptedMarkers = first.Requests.Concat(second.Requests)
                .Where(r => r.Response == FakeResponseKind.Accept)
                .Select(r => (string?)r.Json?["text"] ?? string.Empty)
                .ToList();
            var spread = acceptedAfter[^1].ReceivedAt - acceptedAfter[0].ReceivedAt;
            Figures.Report(
                "outage",
                ("outage (s)", Outage.TotalSeconds),
                ("messages queued during it", during.Count),
                ("circuit open, /health/ready Degraded after (s)", Math.Round(openedAfter.TotalSeconds, 1)),
                ("failed attempts while down", midOutage.Where(r => r.Body!.StartsWith("outage-", StringComparison.Ordinal)).Sum(r => r.Attempts)),
                ("sent after recovery", acceptedAfter.Count),
                ("drained after recovery (s)", Math.Round(drainedAfter.TotalSeconds, 1)),
                ("pace at Plivo (msg/s)", Math.Round(acceptedAfter.Count / Math.Max(spread.TotalSeconds, 0.001), 1)),
                ("lost", BeforeOutage + DuringOutage - rows.Count(r => r.Status == Sent)),
                ("duplicated", acceptedMarkers.Count - acceptedMarkers.Distinct().Count()));

            Assert.Multiple(() =>
            {
                Assert.That(before.Count + during.Count, Is.EqualTo(BeforeOutage + DuringOutage), "sends are accepted during the outage");
                Assert.That(readyBefore, Is.EqualTo((200, "Healthy")));
                Assert.That(opened, Is.True, $"circuit open in the logs and on /health/ready (last: {degraded})");
                Assert.That(
                    midOutage.Where(r => r.Body!.StartsWith("outage-", StringComparison.Ordinal)).Select(r => r.Status).Distinct(),
                    Is.SubsetOf(new[] { Queued, Sending }),
                    "nothing is failed or given up while Plivo is down");
                Assert.That(drained, Is.True, "the queue drains once Plivo is back");
                Assert.That(closed, Is.True, "readiness is Healthy again once a request succeeds");
                Assert.That(host.Logs.Contains("Circuit to Plivo closed"), Is.True, "the recovery is logged");
                Assert.That(rows.Select(r => r.Status).Distinct(), Is.EqualTo(new[] { Sent }), "every message is sent");
                Assert.That(acceptedMarkers, Is.EquivalentTo(before.Keys.Concat(during.Keys)), "each message reached Plivo exactly once");

                // Paced: at most RatePerSecond per second, so the backlog cannot reach Plivo faster than this. Slowness
                // only makes the spread longer.
                Assert.That(spread, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(((double)acceptedAfter.Count / RatePerSecond) - 1)));
            });
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }
}
