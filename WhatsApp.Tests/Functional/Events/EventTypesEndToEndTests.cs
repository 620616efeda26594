using System.Net;
using System.Net.Http.Json;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Functional.Events.EventTestHost;

namespace WhatsApp.Tests.Functional.Events;

/// <summary>Each event type, caused the way production causes it (a send through a fake Plivo, its webhooks, a test), reaches a receiver signed.</summary>
[TestFixture]
public sealed class EventTypesEndToEndTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Test]
    public async Task EveryEventType_ReachesASubscribedEndpoint_AboutItsMessage_WithASignatureThatVerifies()
    {
        await using var plivo = await FakePlivoServer.StartAsync();
        await using var receiver = await EventReceiver.StartAsync();
        var settings = new Dictionary<string, string?>(Settings) { ["Dispatch:AttemptTimeout"] = "00:00:00.500", ["Dispatch:MaxAttempts"] = "1" };
        await using var host = new WebhookTestHost(settings: settings, plivo: plivo.BaseUrl, dispatch: true);
        var admin = Admin(host);
        var (endpointId, secret) = await RegisterAsync(admin, receiver);
        using var sender = host.Factory.CreateClientWithKey(TestApiKeys.Sender);

        var read = await SendAsync(sender, "sent");
        var undelivered = await SendAsync(sender, "sent");
        plivo.Enqueue(FakeResponse.Error(400, "dst is not a valid WhatsApp number"));
        var failed = await SendAsync(sender, "failed");
        plivo.Enqueue(FakeResponse.Error(502, "Bad gateway"));
        var unknown = await SendAsync(sender, "outcome_unknown");
        var (readUuid, undeliveredUuid) = (plivo.AcceptedUuids[0], plivo.AcceptedUuids[1]);
        await PostAsync(host, WebhookTestHost.StatusForm(readUuid, "delivered", 1));
        await PostAsync(host, WebhookTestHost.StatusForm(readUuid, "read", 2));
        await PostAsync(host, WebhookTestHost.StatusForm(undeliveredUuid, "undelivered", 1, "1000"));
        var inboundUuid = Guid.NewGuid().ToString();
        await PostAsync(host, WebhookTestHost.InboundForm(inboundUuid));
        Assert.That((await admin.PostAsync($"/api/webhook-endpoints/{endpointId}/test", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var expected = new (string Type, Guid? Message)[]
        {
            ("message.sent", read), ("message.delivered", read), ("message.read", read), ("message.undelivered", undelivered),
            ("message.failed", failed), ("message.outcome_unknown", unknown), ("message.received", null), ("webhook.test", null),
        };
        foreach (var (type, message) in expected)
        {
            var received = await receiver.WaitForAsync(r => r.Type == type && (message is null || Data(r).GetProperty("id").GetGuid() == message));
            Assert.That(Verifies(received, secret), Is.True, $"{type} is signed with the endpoint's secret");
        }

        var inbound = await receiver.WaitForAsync(r => r.Type == "message.received");
        Assert.That(Data(inbound).GetProperty("provider_message_id").GetString(), Is.EqualTo(inboundUuid));
    }

    private static async Task<Guid> SendAsync(HttpClient sender, string status)
    {
        var response = await sender.PostAsJsonAsync("/api/messages", new { to = "+14155552671", message = $"ends {status}" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var message = await HttpAssertions.WaitForStatusAsync(sender, response.Headers.Location!, status, Deadline);
        return message.GetProperty("id").GetGuid();
    }

    private static async Task PostAsync(WebhookTestHost host, KeyValuePair<string, string>[] form) =>
        Assert.That((await host.PostSignedAsync(form)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
}
