using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Functional.Events.EventTestHost;

namespace WhatsApp.Tests.Functional.Events;

/// <summary>Receivers that are down in each way a receiver goes down, then come back: every event arrives, none twice under two ids.</summary>
[TestFixture]
public sealed class EventFaultTests
{
    private const int Events = 5;

    // Long enough for an outage of a second or two, still compressed.
    private static readonly (string, string)[] PatientSchedule =
        [.. Enumerable.Range(3, 8).Select(i => ($"Events:RetrySchedule:{i}", "00:00:00.300"))];

    [Test]
    public async Task ReceiverRefusingConnections_ThenBack_GetsEveryEvent()
    {
        var port = await FreePortAsync();
        await using var host = Start(PatientSchedule);
        var admin = Admin(host);
        var response = await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url = $"http://127.0.0.1:{port}/events" });
        var endpointId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await PostInboundAsync(host);
        var refused = await WaitForDeliveryAsync(admin, endpointId, "pending", d => d.GetProperty("attempts").GetInt32() >= 1);
        var firstAttempt = refused.GetProperty("attempt_log")[0];
        Assert.Multiple(() =>
        {
            Assert.That(firstAttempt.GetProperty("status_code").ValueKind, Is.EqualTo(JsonValueKind.Null), "no answer came");
            Assert.That(firstAttempt.GetProperty("error").GetString(), Is.Not.Empty);
        });

        await using var receiver = await EventReceiver.StartAsync(port);
        await AssertEveryEventArrivesOnceAsync(admin, endpointId, receiver);
    }

    [Test]
    public async Task ReceiverHangingPastTheTimeout_ThenAnswering_GetsEveryEventWithTheSameIds()
    {
        await using var receiver = await EventReceiver.StartAsync();
        var hanging = true;
        receiver.Answer = async _ =>
        {
            if (Volatile.Read(ref hanging))
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
            }

            return 204;
        };
        await using var host = Start([("Events:Timeout", "00:00:00.500"), .. PatientSchedule]);
        var admin = Admin(host);
        var (endpointId, _) = await RegisterAsync(admin, receiver);

        await PostInboundAsync(host);
        var timedOut = await WaitForDeliveryAsync(admin, endpointId, "pending", d => d.GetProperty("attempts").GetInt32() >= 1);
        Assert.That(timedOut.GetProperty("attempt_log")[0].GetProperty("error").GetString(), Does.StartWith("No answer within"));

        Volatile.Write(ref hanging, false);
        await AssertEveryEventArrivesOnceAsync(admin, endpointId, receiver);
    }

    [Test]
    public async Task FailedDeliveries_AreRedeliveredByRetryAndRecover_WithTheirOriginalIds()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Answer = _ => Task.FromResult(503);
        await using var host = Start();
        var admin = Admin(host);
        var (endpointId, _) = await RegisterAsync(admin, receiver);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await PostInboundAsync(host);
        var failed = await WaitForCountAsync(admin, endpointId, "failed", Events);
        var firstIds = receiver.Received.Select(r => r.Id).ToHashSet();
        receiver.Answer = _ => Task.FromResult(204);

        // One by hand, then every other failed one since before the outage.
        var one = failed[0];
        var retried = await admin.PostAsync($"/api/webhook-endpoints/{endpointId}/deliveries/{one.GetProperty("id").GetGuid()}/retry", null);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await WaitForDeliveryAsync(admin, endpointId, "succeeded", d => d.GetProperty("id").GetGuid() == one.GetProperty("id").GetGuid());
        var recovered = await admin.PostAsync($"/api/webhook-endpoints/{endpointId}/recover?since={Uri.EscapeDataString(before.ToString("O"))}", null);
        Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await recovered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("retried").GetInt32(), Is.EqualTo(Events - 1));

        await AssertEveryEventArrivesOnceAsync(admin, endpointId, receiver);
        Assert.That(firstIds, Is.EquivalentTo(receiver.Received.Select(r => r.Id).Distinct()), "redeliveries carry the ids of the first attempts");
    }

    private static async Task PostInboundAsync(WebhookTestHost host)
    {
        for (var i = 0; i < Events; i++)
        {
            var response = await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from: $"9177777777{i:D2}"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    private static async Task AssertEveryEventArrivesOnceAsync(HttpClient admin, Guid endpointId, EventReceiver receiver)
    {
        // The receiver hears a POST a moment before its outcome is stored.
        var succeeded = await WaitForCountAsync(admin, endpointId, "succeeded", Events);
        var pending = await admin.GetFromJsonAsync<JsonElement>($"/api/webhook-endpoints/{endpointId}/deliveries?status=pending");
        var failed = await admin.GetFromJsonAsync<JsonElement>($"/api/webhook-endpoints/{endpointId}/deliveries?status=failed");
        Assert.Multiple(() =>
        {
            Assert.That(succeeded, Has.Count.EqualTo(Events), "every event delivered");
            Assert.That(pending.GetProperty("items").GetArrayLength() + failed.GetProperty("items").GetArrayLength(), Is.Zero, "none left behind");
            Assert.That(receiver.Received.Where(r => r.Type == "message.received").Select(r => r.Id).Distinct().Count(), Is.EqualTo(Events), "no event invented");
        });
    }

    private static async Task<IReadOnlyList<JsonElement>> WaitForCountAsync(HttpClient admin, Guid endpointId, string status, int count)
    {
        for (var i = 0; i < 400; i++)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/webhook-endpoints/{endpointId}/deliveries?status={status}");
            if (page.GetProperty("items").GetArrayLength() >= count)
            {
                return [.. page.GetProperty("items").EnumerateArray()];
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Fewer than {count} deliveries {status} within 20 s");
        throw new InvalidOperationException();
    }

    private static async Task<int> FreePortAsync()
    {
        // A receiver started and stopped leaves its port free and refusing connections.
        await using var probe = await EventReceiver.StartAsync();
        return probe.Url.Port;
    }
}
