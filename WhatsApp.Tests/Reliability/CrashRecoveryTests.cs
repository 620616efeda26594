using System.Collections.Concurrent;
using System.Net;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Reliability.ReliabilityDatabase;

namespace WhatsApp.Tests.Reliability;

/// <summary>
/// The service as its own process, killed with SIGKILL in the middle of sends, webhooks and dispatching, then started
/// again on the same SQLite file. Every acknowledged request must be stored, messages the dead process had claimed
/// must go out after the restart, and none may reach Plivo twice.
/// </summary>
[TestFixture]
[Category("Reliability")]
[NonParallelizable]
public sealed class CrashRecoveryTests
{
    private const string ApiKey = "crash-test-sender-key-0123456789";
    private const int SendClients = 8;
    private const int WebhookClients = 4;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    // A slow pace keeps a backlog, so at the kill some messages are claimed (leased, waiting for their slot) and some
    // are mid-request. A short lease lets the restarted process take them back quickly.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Dispatch__PerSenderRatePerSecond"] = "50",
        ["Dispatch__LeaseDuration"] = "00:00:03",
        ["Dispatch__AttemptTimeout"] = "00:00:02",
        ["Dispatch__PollInterval"] = "00:00:00.100",
    };

    private string _database = null!;

    [SetUp]
    public void CreateDatabasePath() => _database = Path.Combine(Path.GetTempPath(), $"whatsapp-crash-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteDatabase()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    [Test]
    public async Task Service_KilledMidLoadAndRestartedOnTheSameFile_AcknowledgedStoredClaimedSentNoneTwice()
    {
        await using var plivo = await FakePlivoServer.StartAsync();
        plivo.Behaviour = _ => FakeResponse.Accept(TimeSpan.FromMilliseconds(20));
        var database = new ReliabilityDatabase(_database);
        var sends = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        var webhooks = new ConcurrentBag<string>();

        IReadOnlyList<OutboundRow> atKill;
        await using (var first = await ServiceProcess.StartAsync(_database, plivo.BaseUrl, ApiKey, Settings, Generous))
        {
            using var stop = new CancellationTokenSource();
            var load = DriveAsync(first, sends, webhooks, stop.Token);
            var busy = await Eventually.HoldsAsync(
                async () => sends.Count >= 400 && webhooks.Count >= 100 && plivo.AcceptedCount >= 50 && await ClaimedAsync(database) >= 5,
                Generous,
                TimeSpan.FromMilliseconds(50));
            Assert.That(busy, Is.True, $"load built up (sends {sends.Count}, webhooks {webhooks.Count}, at Plivo {plivo.AcceptedCount}){Environment.NewLine}{first.OutputTail}");

            await first.KillAsync();
            atKill = await database.OutboundAsync();
            await stop.CancelAsync();
            await load;
        }

        var claimed = atKill.Where(r => r.Status == Queued && r.LeaseOwner is not null).Select(r => r.Id).ToHashSet();
        var inFlight = atKill.Where(r => r.Status == Sending).Select(r => r.Id).ToHashSet();
        var reachedPlivoBeforeRestart = plivo.Requests.Count;

        await using var second = await ServiceProcess.StartAsync(_database, plivo.BaseUrl, ApiKey, Settings, Generous);
        var drained = await Eventually.HoldsAsync(async () => await database.PendingAsync() == 0, Generous);

        var rows = await database.OutboundAsync();
        var inbound = await database.InboundProviderIdsAsync();
        var byMarker = plivo.Requests.ToLookup(r => (string?)r.Json?["text"] ?? string.Empty);
        var acceptedUuids = plivo.AcceptedUuids.ToHashSet(StringComparer.Ordinal);
        var stored = rows.ToDictionary(r => r.Id);
        Figures.Report(
            "crash",
            ("sends acknowledged", sends.Count),
            ("webhooks acknowledged", webhooks.Count),
            ("claimed but unsent at the kill", claimed.Count),
            ("mid-request at the kill", inFlight.Count),
            ("requests to Plivo before / after restart", $"{reachedPlivoBeforeRestart} / {plivo.Requests.Count - reachedPlivoBeforeRestart}"),
            ("sent", rows.Count(r => r.Status == Sent)),
            ("outcome unknown", rows.Count(r => r.Status == OutcomeUnknown)),
            ("lost", sends.Values.Count(id => !stored.ContainsKey(id)) + webhooks.Count(uuid => !inbound.Contains(uuid))),
            ("duplicated", byMarker.Count(g => g.Count() > 1)));

        Assert.Multiple(() =>
        {
            Assert.That(sends.Values.Where(id => !stored.ContainsKey(id)), Is.Empty, "every 202 send is stored");
            Assert.That(webhooks.Where(uuid => !inbound.Contains(uuid)), Is.Empty, "every 200 webhook is stored");
            Assert.That(claimed, Is.Not.Empty, "the dead process had claimed messages it had not sent yet");
            Assert.That(drained, Is.True, $"the restarted service drains the queue{Environment.NewLine}{second.OutputTail}");
            foreach (var id in claimed)
            {
                Assert.That(stored[id].Status, Is.EqualTo(Sent), $"claimed message {stored[id].Body} is sent after the restart");
            }

            foreach (var id in inFlight)
            {
                Assert.That(stored[id].Status, Is.EqualTo(Sent).Or.EqualTo(OutcomeUnknown), $"{stored[id].Body} was mid-request: not resent blindly");
            }

            Assert.That(byMarker.Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "no message reached Plivo twice");
            Assert.That(rows.Select(r => r.Status).Distinct(), Is.SubsetOf(new[] { Sent, OutcomeUnknown }));
            foreach (var row in rows.Where(r => r.Status == Sent))
            {
                Assert.That(acceptedUuids, Does.Contain(row.ProviderMessageId), $"{row.Body} keeps the uuid Plivo gave it");
            }

            foreach (var row in rows.Where(r => r.Status == OutcomeUnknown))
            {
                Assert.That(inFlight, Does.Contain(row.Id), $"{row.Body}: only messages mid-request at the kill end outcome unknown");
            }
        });
    }

    // Messages the running service has leased but not started sending: the kill comes while there are some.
    private static Task<long> ClaimedAsync(ReliabilityDatabase database) =>
        database.ScalarAsync("SELECT COUNT(*) FROM Messages WHERE Status = 'Queued' AND LeaseOwner IS NOT NULL");

    // Senders and Plivo-signed inbound webhooks at once, until the process dies or the test stops them. Only answers
    // that arrived count: a request cut off by the kill has no known outcome and is not counted either way.
    private static Task DriveAsync(ServiceProcess service, ConcurrentDictionary<string, Guid> sends, ConcurrentBag<string> webhooks, CancellationToken ct)
    {
        var next = 0;
        var client = new HttpClient { BaseAddress = service.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var senders = Enumerable.Range(0, SendClients).Select(_ => Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                var marker = $"crash-{Interlocked.Increment(ref next):D6}";
                try
                {
                    if (await Load.TrySendAsync(client, marker, ct) is { } id)
                    {
                        sends[marker] = id;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    return;
                }
            }
        }));
        var posters = Enumerable.Range(0, WebhookClients).Select(_ => Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                var uuid = $"crash-in-{Interlocked.Increment(ref next):D6}";
                var form = WebhookTestHost.InboundForm(uuid, from: $"9199{uuid[^6..]}");
                try
                {
                    using var request = PlivoWebhookSigner.SignedFormPost(service.WebhookUrl, form, FakePlivoServer.DefaultAuthToken);
                    using var response = await client.SendAsync(request, ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        webhooks.Add(uuid);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    return;
                }
            }
        }));
        return Task.WhenAll(senders.Concat(posters)).ContinueWith(_ => client.Dispose(), TaskScheduler.Default);
    }
}
