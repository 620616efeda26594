using System.Globalization;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Tests.Fakes;
using static WhatsApp.Tests.Reliability.ReliabilityDatabase;

namespace WhatsApp.Tests.Reliability;

/// <summary>
/// The service as its own process, stopped with SIGTERM (docker compose restart, a deploy, Kubernetes) while dozens of
/// requests to a slow Plivo are in flight, then started again on the same SQLite file. A routine stop must let those
/// requests finish and store their answers: nothing ends outcome unknown, nothing reaches Plivo twice, all is sent.
/// </summary>
[TestFixture]
[Category("Reliability")]
[NonParallelizable]
public sealed class RoutineRestartTests
{
    private const string ApiKey = "restart-test-sender-key-0123456789";
    private const int Messages = 300;
    private const int InFlightAtStop = 40;
    private static readonly TimeSpan PlivoLatency = TimeSpan.FromMilliseconds(1500);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    // The default attempt timeout (10 s), so the host's shutdown timeout is the default one (30 s). The lease only
    // needs to outlast an attempt; shorter than its default, it hands back soon after the restart the few messages
    // the stop caught waiting for their pace.
    private static readonly DispatchOptions Dispatch = new() { LeaseDuration = TimeSpan.FromSeconds(12) };

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Dispatch__LeaseDuration"] = Dispatch.LeaseDuration.ToString("c", CultureInfo.InvariantCulture),
        ["Dispatch__PollInterval"] = "00:00:00.100",
    };

    private string _database = null!;

    [SetUp]
    public void CreateDatabasePath() => _database = Path.Combine(Path.GetTempPath(), $"whatsapp-restart-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteDatabase()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    [Test]
    public async Task Service_TerminatedWithRequestsInFlightAndRestarted_StoresEveryAnswerSendsAllNoneTwiceNoneUnknown()
    {
        await using var plivo = await FakePlivoServer.StartAsync();
        plivo.Behaviour = _ => FakeResponse.Accept(PlivoLatency);
        var database = new ReliabilityDatabase(_database);
        var shutdownTimeout = Dispatch.ShutdownTimeout;

        IReadOnlyDictionary<string, Guid> sends;
        long sendingAtStop;
        int atPlivoAtStop;
        ServiceExit exit;
        string firstOutput;
        await using (var first = await ServiceProcess.StartAsync(_database, plivo.BaseUrl, ApiKey, Settings, Generous))
        {
            using var client = new HttpClient { BaseAddress = first.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            sends = await Load.SendAsync(client, Enumerable.Range(1, Messages).Select(i => $"restart-{i:D4}"));
            Assert.That(sends, Has.Count.EqualTo(Messages), $"every send accepted{Environment.NewLine}{first.OutputTail}");

            var busy = await Eventually.HoldsAsync(
                async () => plivo.AcceptedCount >= InFlightAtStop
                    && plivo.Requests.Count - plivo.AcceptedCount >= InFlightAtStop
                    && await SendingAsync(database) >= InFlightAtStop,
                Generous,
                TimeSpan.FromMilliseconds(20));
            Assert.That(busy, Is.True, $"mid-load, with requests in flight at Plivo ({plivo.Requests.Count - plivo.AcceptedCount} in flight){Environment.NewLine}{first.OutputTail}");

            sendingAtStop = await SendingAsync(database);
            atPlivoAtStop = plivo.Requests.Count - plivo.AcceptedCount;
            exit = await first.TerminateAsync(shutdownTimeout);
            firstOutput = first.OutputTail;
        }

        var atExit = await database.OutboundAsync();
        var requestsBeforeRestart = plivo.Requests.Count;
        var acceptedBeforeRestart = plivo.AcceptedUuids.ToHashSet(StringComparer.Ordinal);

        await using var second = await ServiceProcess.StartAsync(_database, plivo.BaseUrl, ApiKey, Settings, Generous);
        var drained = await Eventually.HoldsAsync(async () => await database.PendingAsync() == 0, Generous);

        var rows = await database.OutboundAsync();
        var byMarker = plivo.Requests.ToLookup(r => (string?)r.Json?["text"] ?? string.Empty);
        var acceptedUuids = plivo.AcceptedUuids.ToHashSet(StringComparer.Ordinal);
        Figures.Report(
            "routine restart",
            ("messages", Messages),
            ("in flight at Plivo at the SIGTERM", atPlivoAtStop),
            ("sending at the SIGTERM", sendingAtStop),
            ("exit code", exit.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"),
            ("exited after (s)", Math.Round(exit.Elapsed.TotalSeconds, 1)),
            ("shutdown timeout (s)", shutdownTimeout.TotalSeconds),
            ("sent / queued / sending at the exit", $"{atExit.Count(r => r.Status == Sent)} / {atExit.Count(r => r.Status == Queued)} / {atExit.Count(r => r.Status == Sending)}"),
            ("requests to Plivo before / after restart", $"{requestsBeforeRestart} / {plivo.Requests.Count - requestsBeforeRestart}"),
            ("sent", rows.Count(r => r.Status == Sent)),
            ("outcome unknown", rows.Count(r => r.Status == OutcomeUnknown)),
            ("duplicated", byMarker.Count(g => g.Count() > 1)));

        Assert.Multiple(() =>
        {
            Assert.That(exit.Exited, Is.True, $"the service exits by itself within the shutdown timeout{Environment.NewLine}{firstOutput}");
            Assert.That(exit.ExitCode, Is.Zero, $"a clean exit{Environment.NewLine}{firstOutput}");
            Assert.That(atExit.Where(r => r.Status == Sending).Select(r => r.Body), Is.Empty, "every request in flight at the SIGTERM has its answer stored before the exit");
            foreach (var row in atExit.Where(r => r.Status == Sent))
            {
                Assert.That(acceptedBeforeRestart, Does.Contain(row.ProviderMessageId), $"{row.Body} keeps the uuid Plivo gave it");
            }

            Assert.That(drained, Is.True, $"the restarted service drains the queue{Environment.NewLine}{second.OutputTail}");
            Assert.That(rows.Where(r => r.Status == OutcomeUnknown).Select(r => r.Body), Is.Empty, "a routine restart leaves no outcome unknown");
            Assert.That(rows.Where(r => r.Status != Sent).Select(r => $"{r.Body}: {r.Status}"), Is.Empty, "every message is sent");
            Assert.That(byMarker.Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "no message reached Plivo twice");
            Assert.That(sends.Keys.Where(marker => !byMarker.Contains(marker)), Is.Empty, "every message reached Plivo");
            foreach (var row in rows)
            {
                Assert.That(acceptedUuids, Does.Contain(row.ProviderMessageId), $"{row.Body} keeps the uuid Plivo gave it");
            }
        });
    }

    private static Task<long> SendingAsync(ReliabilityDatabase database) =>
        database.ScalarAsync("SELECT COUNT(*) FROM Messages WHERE Status = 'Sending'");
}
