using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;

namespace WhatsApp.Tests.Reliability;

/// <summary>
/// The service as its own process, killed with SIGKILL while event deliveries are in flight, then started again on the
/// same SQLite file: every event reaches the receiver, and a delivery cut off by the kill comes again with the same
/// <c>webhook-id</c>.
/// </summary>
[TestFixture]
[Category("Reliability")]
[NonParallelizable]
public sealed class EventCrashRecoveryTests
{
    private const string ApiKey = "crash-test-sender-key-0123456789";
    private const string AdminKey = "crash-test-admin-key-0123456789x";
    private const int Inbound = 30;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    // A one-second POST timeout makes the lease of a delivery the dead process held run out 31 s later.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Auth__ApiKeys__1__Name"] = "crash-test-admin",
        ["Auth__ApiKeys__1__Role"] = "admin",
        ["Auth__ApiKeys__1__Key"] = AdminKey,
        ["Events__AllowHttp"] = "true",
        ["Events__AllowPrivateNetworks"] = "true",
        ["Events__Timeout"] = "00:00:01",
        ["Events__PollInterval"] = "00:00:00.050",
        ["Events__RetrySchedule__0"] = "00:00:00.200",
    };

    private string _database = null!;

    [SetUp]
    public void CreateDatabasePath() => _database = Path.Combine(Path.GetTempPath(), $"whatsapp-event-crash-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteDatabase()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    [Test]
    public async Task Service_KilledMidDelivery_DeliversEveryEventAfterRestart_WithTheSameWebhookIds()
    {
        await using var plivo = await FakePlivoServer.StartAsync();
        await using var receiver = await EventReceiver.StartAsync();

        // Until the kill every request hangs, so what the receiver saw before it was never acknowledged.
        var killed = new TaskCompletionSource();
        receiver.Answer = async _ =>
        {
            await killed.Task;
            return 204;
        };

        HashSet<string> seenBeforeKill;
        await using (var first = await ServiceProcess.StartAsync(_database, plivo.BaseUrl, ApiKey, Settings, Generous))
        {
            using var admin = new HttpClient { BaseAddress = first.BaseUrl };
            admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
            var registered = await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url });
            Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());

            using var client = new HttpClient();
            for (var i = 0; i < Inbound; i++)
            {
                var uuid = $"event-crash-{i:D3}";
                using var request = PlivoWebhookSigner.SignedFormPost(first.WebhookUrl, WebhookTestHost.InboundForm(uuid, from: $"91990000{i:D3}"), FakePlivoServer.DefaultAuthToken);
                Assert.That((await client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            var inFlight = await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Count >= 5), Generous, TimeSpan.FromMilliseconds(20));
            Assert.That(inFlight, Is.True, first.OutputTail);
            await first.KillAsync();
            seenBeforeKill = receiver.Received.Select(r => r.Id).ToHashSet();
            killed.SetResult();
        }

        await using var second = await ServiceProcess.StartAsync(_database, plivo.BaseUrl, ApiKey, Settings, Generous);
        var allDelivered = await Eventually.HoldsAsync(
            () => Task.FromResult(receiver.Received.Select(r => r.Id).Distinct().Count() >= Inbound
                && seenBeforeKill.All(id => receiver.Received.Count(r => r.Id == id) >= 2)),
            Generous,
            TimeSpan.FromMilliseconds(100));

        var received = receiver.Received;
        var messages = received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("provider_message_id").GetString()).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(allDelivered, Is.True, $"received {received.Select(r => r.Id).Distinct().Count()} of {Inbound}{Environment.NewLine}{second.OutputTail}");
            Assert.That(seenBeforeKill, Has.Count.GreaterThanOrEqualTo(5));
            Assert.That(received.Select(r => r.Id).Distinct().Count(), Is.EqualTo(Inbound), "one webhook-id per event, however often it came");
            Assert.That(messages, Is.EquivalentTo(Enumerable.Range(0, Inbound).Select(i => $"event-crash-{i:D3}")), "every inbound message's event");
            Assert.That(received.GroupBy(r => r.Id).All(g => g.Select(r => r.Body).Distinct().Count() == 1), Is.True, "a redelivery is the same event");
        });
    }
}
