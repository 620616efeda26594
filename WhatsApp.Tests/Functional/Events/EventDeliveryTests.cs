using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Functional.Events.EventTestHost;

namespace WhatsApp.Tests.Functional.Events;

[TestFixture]
public sealed class EventDeliveryTests
{
    [Test]
    public async Task InboundMessage_ReachesASubscribedEndpoint_SignedInTheStandardWebhooksShape()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var host = Start();
        var (_, secret) = await RegisterAsync(Admin(host), receiver);

        var uuid = Guid.NewGuid().ToString();
        Assert.That((await host.PostSignedAsync(WebhookTestHost.InboundForm(uuid, body: "Where is my order?"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var received = await receiver.WaitForAsync(r => r.Type == "message.received");
        var root = JsonDocument.Parse(received.Body).RootElement;
        var data = root.GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(secret, Does.StartWith("whsec_"));
            Assert.That(Verifies(received, secret), Is.True, "the signature verifies with the endpoint's secret");
            Assert.That(Guid.TryParse(received.Id, out _), Is.True);
            Assert.That(long.Parse(received.Timestamp), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(60));
            Assert.That(DateTimeOffset.TryParse(root.GetProperty("timestamp").GetString(), out _), Is.True);
            Assert.That(data.GetProperty("direction").GetString(), Is.EqualTo("inbound"));
            Assert.That(data.GetProperty("body").GetString(), Is.EqualTo("Where is my order?"));
            Assert.That(data.GetProperty("provider_message_id").GetString(), Is.EqualTo(uuid));
            Assert.That(data.GetProperty("status").GetString(), Is.EqualTo("received"));
            Assert.That(data.GetProperty("sequence").GetInt32(), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task StatusReports_ReachEndpointsOfTheirType_AndNotOneSubscribedToAnotherType()
    {
        await using var all = await EventReceiver.StartAsync();
        await using var readOnly = await EventReceiver.StartAsync();
        await using var host = Start();
        var admin = Admin(host);
        await RegisterAsync(admin, all);
        await RegisterAsync(admin, readOnly, new { event_types = new[] { "message.read" } });
        var uuid = Guid.NewGuid().ToString();
        var messageId = await host.SeedSentMessageAsync(uuid, new Dictionary<string, string> { ["order_id"] = "A-1042" });

        await host.PostSignedAsync(WebhookTestHost.StatusForm(uuid, "delivered", 1));
        await host.PostSignedAsync(WebhookTestHost.StatusForm(uuid, "read", 2));

        var delivered = await all.WaitForAsync(r => r.Type == "message.delivered");
        var read = await all.WaitForAsync(r => r.Type == "message.read");
        await readOnly.WaitForAsync(r => r.Type == "message.read");
        Assert.Multiple(() =>
        {
            Assert.That(Data(delivered).GetProperty("id").GetGuid(), Is.EqualTo(messageId));
            Assert.That(Data(delivered).GetProperty("status").GetString(), Is.EqualTo("delivered"));
            Assert.That(Data(delivered).GetProperty("metadata").GetProperty("order_id").GetString(), Is.EqualTo("A-1042"), "the send's metadata rides along");
            Assert.That(Data(read).GetProperty("metadata").GetProperty("order_id").GetString(), Is.EqualTo("A-1042"));
            Assert.That(Data(read).GetProperty("sequence").GetInt32(), Is.GreaterThan(Data(delivered).GetProperty("sequence").GetInt32()));
            Assert.That(readOnly.Received.Select(r => r.Type), Is.EqualTo(new[] { "message.read" }), "events are fanned out in order, so delivered came first");
        });
    }

    [Test]
    public async Task ReceiverFailingThenRecovering_GetsTheEventOnARetry_WithTheSameWebhookId_AndTheAttemptsAreListed()
    {
        await using var receiver = await EventReceiver.StartAsync();
        var calls = 0;
        receiver.Answer = _ => Task.FromResult(Interlocked.Increment(ref calls) <= 2 ? 500 : 200);
        await using var host = Start();
        var admin = Admin(host);
        var (endpointId, _) = await RegisterAsync(admin, receiver);

        await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString()));

        await receiver.WaitForAsync(_ => Volatile.Read(ref calls) >= 3);
        Assert.That(receiver.Received.Select(r => r.Id).Distinct().Count(), Is.EqualTo(1), "a retry carries the same webhook-id");
        var delivery = await WaitForDeliveryAsync(admin, endpointId, "succeeded");
        var attempts = delivery.GetProperty("attempt_log").EnumerateArray().Select(a => a.GetProperty("status_code").GetInt32()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(delivery.GetProperty("event_type").GetString(), Is.EqualTo("message.received"));
            Assert.That(delivery.GetProperty("attempts").GetInt32(), Is.EqualTo(3));
            Assert.That(attempts, Is.EqualTo(new[] { 500, 500, 200 }));
        });
    }

    [Test]
    public async Task Receiver410_DisablesTheEndpoint_AndTheDeliveryFailsAtOnce()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Answer = _ => Task.FromResult(410);
        await using var host = Start();
        var admin = Admin(host);
        var (endpointId, _) = await RegisterAsync(admin, receiver);

        await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString()));

        var failed = await WaitForDeliveryAsync(admin, endpointId, "failed");
        var endpoint = await admin.GetFromJsonAsync<JsonElement>($"/api/webhook-endpoints/{endpointId}");
        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That(endpoint.GetProperty("disabled").GetBoolean(), Is.True);
            Assert.That(endpoint.GetProperty("disabled_reason").GetString(), Does.Contain("410"));
            Assert.That(endpoint.TryGetProperty("secret", out var secret) && secret.ValueKind != JsonValueKind.Null, Is.False, "the secret is shown only when made");
        });
    }

    [Test]
    public async Task HangingReceiver_DoesNotDelayAHealthyOne()
    {
        await using var hanging = await EventReceiver.StartAsync();
        var release = new TaskCompletionSource();
        hanging.Answer = async _ =>
        {
            await release.Task;
            return 204;
        };
        await using var healthy = await EventReceiver.StartAsync();
        // Longer than the wait below: were deliveries not isolated, the healthy endpoint would wait behind the hanging one.
        await using var host = Start(("Events:Timeout", "00:01:00"));
        var admin = Admin(host);
        await RegisterAsync(admin, hanging);
        await RegisterAsync(admin, healthy);

        for (var i = 0; i < 5; i++)
        {
            await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from: $"91999999990{i}"));
        }

        await healthy.WaitForAsync(_ => healthy.Received.Count >= 5);
        Assert.That(hanging.Received, Has.Count.GreaterThan(0), "the hanging receiver holds its requests meanwhile");
        release.SetResult();
    }

    [Test]
    public async Task Endpoint_NeverHasMoreDeliveriesInFlightThanItsLimit()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Answer = async _ =>
        {
            await Task.Delay(100);
            return 204;
        };
        await using var host = Start(("Events:ConcurrencyPerEndpoint", "3"));
        await RegisterAsync(Admin(host), receiver);

        for (var i = 0; i < 15; i++)
        {
            await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from: $"91888888880{i:D2}"));
        }

        await receiver.WaitForAsync(_ => receiver.Received.Count >= 15);
        Assert.That(receiver.MaxConcurrent, Is.EqualTo(3), "three at a time: the limit, and used");
    }
}
