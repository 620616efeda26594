using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WhatsApp.Domain.Events;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Functional.Events.EventTestHost;

namespace WhatsApp.Tests.Functional.Events;

/// <summary>Succeeded deliveries are purged after their retention, failed ones are kept; the metrics show pending deliveries.</summary>
[TestFixture]
public sealed class EventRetentionAndMetricsTests
{
    private static readonly DeliveryResult Ok = new(204, TimeSpan.FromMilliseconds(5), null, null);
    private static readonly DeliveryResult Refused = new(500, TimeSpan.FromMilliseconds(5), "HTTP 500", null);

    [Test]
    public async Task Purge_RemovesOldSucceededDeliveriesAndEventsNothingNeeds_KeepsFailedAndRecentOnes()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var host = Start(("Events:KeepSucceededDeliveries", "7.00:00:00"));
        var (endpointId, _) = await RegisterAsync(Admin(host), receiver);
        var old = DateTimeOffset.UtcNow.AddDays(-8);
        var recent = DateTimeOffset.UtcNow.AddDays(-6);
        var oldSucceeded = await SeedAsync(host, endpointId, old, Ok);
        var oldFailed = await SeedAsync(host, endpointId, old, Refused, fail: true);
        var recentSucceeded = await SeedAsync(host, endpointId, recent, Ok);
        var oldOrphan = MessageEvent.Test(old);
        await WithDbAsync(host, db => db.Events.Add(oldOrphan));

        var (deliveries, events) = await host.Factory.Services.GetRequiredService<EventDeliveries>().PurgeAsync(CancellationToken.None);

        var left = await host.Factory.WithDbAsync(async db => (
            Deliveries: await db.EventDeliveries.Select(d => d.Id).ToListAsync(),
            Attempts: await db.DeliveryAttempts.Select(a => a.DeliveryId).ToListAsync(),
            Events: await db.Events.Select(e => e.Id).ToListAsync()));
        Assert.Multiple(() =>
        {
            Assert.That((deliveries, events), Is.EqualTo((1, 2)));
            Assert.That(left.Deliveries, Is.EquivalentTo(new[] { oldFailed.Delivery, recentSucceeded.Delivery }));
            Assert.That(left.Attempts, Is.EquivalentTo(new[] { oldFailed.Delivery, recentSucceeded.Delivery }));
            Assert.That(left.Events, Is.EquivalentTo(new[] { oldFailed.Event, recentSucceeded.Event }));
            Assert.That(left.Events, Does.Not.Contain(oldSucceeded.Event).And.Not.Contain(oldOrphan.Id));
        });
    }

    [Test]
    public async Task Metrics_ShowThePendingDeliveriesAndEachAttemptByOutcomeWithItsDuration()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Answer = _ => Task.FromResult(500);
        await using var host = Start(("Events:RetrySchedule:0", "01:00:00"), ("Events:RetrySchedule:1", "01:00:00"), ("Events:RetrySchedule:2", "01:00:00"));
        await RegisterAsync(Admin(host), receiver);
        using var agent = host.Factory.CreateClientWithKey(TestApiKeys.Agent);

        Assert.That((await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString()))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await receiver.WaitForAsync(_ => true);

        // The first attempt was refused; the retry waits an hour, so the delivery stays pending.
        await MetricsTests.ScrapeUntilAsync(agent,
            MetricsTests.Sample("whatsapp_events_pending", null, 1),
            new Regex(@"(?m)^whatsapp_events_deliveries_total\{[^}]*outcome=""rejected""[^}]*\} 1(\s|$)"),
            MetricsTests.Sample("whatsapp_events_delivery_duration_seconds_count", null, 1));
    }

    private static async Task<(Guid Event, Guid Delivery)> SeedAsync(WebhookTestHost host, Guid endpointId, DateTimeOffset at, DeliveryResult result, bool fail = false)
    {
        var endpoint = await host.Factory.WithDbAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId));
        var message = MessageEvent.Test(at);
        var delivery = EventDelivery.For(endpoint, message, at);
        var policy = new DeliveryPolicy([], TimeSpan.FromDays(5), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        delivery.Record(result, policy, at);
        Assert.That(delivery.Status, Is.EqualTo(fail ? DeliveryStatus.Failed : DeliveryStatus.Succeeded));
        await WithDbAsync(host, db =>
        {
            db.Events.Add(message);
            db.EventDeliveries.Add(delivery);
            db.DeliveryAttempts.Add(DeliveryAttempt.Of(delivery, result, at));
        });
        return (message.Id, delivery.Id);
    }

    private static Task<int> WithDbAsync(WebhookTestHost host, Action<WhatsApp.Infrastructure.Persistence.WhatsAppDbContext> add) =>
        host.Factory.WithDbAsync(db =>
        {
            add(db);
            return db.SaveChangesAsync();
        });
}
