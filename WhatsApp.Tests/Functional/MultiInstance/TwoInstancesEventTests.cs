using System.Net;
using System.Net.Http.Json;
using WhatsApp.Tests.Databases;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;
using WhatsApp.Tests.Reliability;

namespace WhatsApp.Tests.Functional.MultiInstance;

/// <summary>
/// Two service processes on one PostgreSQL database deliver the events of one endpoint together: every event arrives
/// once, each delivery is attempted by one instance at a time, and each instance keeps to its own concurrency limit.
/// Runs in ./test.sh's PostgreSQL run.
/// </summary>
[TestFixture]
[Category("MultiInstance")]
[NonParallelizable]
public sealed class TwoInstancesEventTests
{
    private const string AdminKey = "multi-instance-admin-key-01234567";
    private const int Inbound = 120;
    private const int PerInstance = 2;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    [Test]
    public async Task Events_DeliveredByBothInstances_EachOnce_WithinEachInstancesLimit()
    {
        if (!TestPostgres.Enabled)
        {
            Assert.Ignore($"Needs PostgreSQL: set {TestPostgres.ServerVariable} (./test.sh does).");
        }

        using var database = new SharedDatabase();
        await using var plivo = await FakePlivoServer.StartAsync();
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Answer = async _ =>
        {
            await Task.Delay(100);
            return 204;
        };
        var settings = database.Settings(new Dictionary<string, string>
        {
            ["Auth__ApiKeys__1__Name"] = "multi-instance-admin",
            ["Auth__ApiKeys__1__Role"] = "admin",
            ["Auth__ApiKeys__1__Key"] = AdminKey,
            ["Events__AllowHttp"] = "true",
            ["Events__AllowPrivateNetworks"] = "true",
            ["Events__PollInterval"] = "00:00:00.020",
            ["Events__ConcurrencyPerEndpoint"] = PerInstance.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var starting = new[] { 0, 1 }.Select(_ => ServiceProcess.StartAsync(string.Empty, plivo.BaseUrl, TwoInstancesTests.ApiKey, settings, Generous)).ToList();
        await using var first = await starting[0];
        await using var second = await starting[1];

        using var admin = new HttpClient { BaseAddress = first.BaseUrl };
        admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        Assert.That((await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var client = new HttpClient();
        for (var i = 0; i < Inbound; i++)
        {
            var service = i % 2 == 0 ? first : second;
            using var request = PlivoWebhookSigner.SignedFormPost(
                service.WebhookUrl, WebhookTestHost.InboundForm($"multi-event-{i:D3}", from: $"91980000{i:D3}"), FakePlivoServer.DefaultAuthToken);
            Assert.That((await client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var delivered = await Eventually.HoldsAsync(
            () => Task.FromResult(receiver.Received.Select(r => r.Id).Distinct().Count() >= Inbound), Generous, TimeSpan.FromMilliseconds(100));

        await Task.Delay(500);
        var received = receiver.Received;
        Assert.Multiple(() =>
        {
            Assert.That(delivered, Is.True, $"{received.Select(r => r.Id).Distinct().Count()} of {Inbound}{Environment.NewLine}{first.OutputTail}{Environment.NewLine}{second.OutputTail}");
            Assert.That(received, Has.Count.EqualTo(Inbound), "no event was delivered twice");
            Assert.That(receiver.MaxConcurrent, Is.GreaterThan(PerInstance), "both instances delivered at once");
            Assert.That(receiver.MaxConcurrent, Is.LessThanOrEqualTo(2 * PerInstance), "each kept to its own limit");
        });
    }
}
