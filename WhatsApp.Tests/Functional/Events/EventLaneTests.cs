using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WhatsApp.Domain.Events;
using WhatsApp.Infrastructure.Events;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Functional.Events.EventTestHost;

namespace WhatsApp.Tests.Functional.Events;

/// <summary>
/// An endpoint's lane: deliveries claimed ahead and waiting behind the POSTs under way. What waits is rendered again
/// when it waited long, and given back when the instance stops.
/// </summary>
[TestFixture]
public sealed class EventLaneTests
{
    [Test]
    public async Task DeliveryWaitingBehindASlowPost_IsRenderedAgain_SoContentErasedMeanwhileIsNotSent()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Answer = async received =>
        {
            if (received.Body.Contains("first in line", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5));
            }

            return 204;
        };
        await using var host = Start(("Events:ConcurrencyPerEndpoint", "1"));
        var admin = Admin(host);
        await RegisterAsync(admin, receiver);

        await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from: "918888800001", body: "first in line"));
        await receiver.WaitForAsync(r => r.Body.Contains("first in line", StringComparison.Ordinal));
        await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from: "918888800002", body: "my card number is 4111"));
        await WaitUntilLeasedAsync(host, 2);

        // Claimed and rendered while the first POST hangs; erased before its own POST starts.
        Assert.That((await admin.DeleteAsync("/api/contacts/+918888800002")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var second = await receiver.WaitForAsync(r => !r.Body.Contains("first in line", StringComparison.Ordinal));
        Assert.That(second.Type, Is.EqualTo("message.received"));
        Assert.That(second.Body, Does.Not.Contain("4111"), "the body was rendered again after the erasure");
    }

    [Test]
    public async Task Stopping_GivesBackClaimedDeliveriesNotStarted_AndFinishesTheOneInFlight()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Answer = async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            return 204;
        };
        await using var host = Start(("Events:ConcurrencyPerEndpoint", "1"));
        await RegisterAsync(Admin(host), receiver);
        await PostFromFourContactsAsync(host, "91777770000");

        // The first POST has arrived (and takes 1.5 s, within the 2 s timeout): the test acts within that.
        await receiver.WaitForAsync(_ => true);
        await WaitUntilLeasedAsync(host, 4);
        Assert.That(receiver.Received, Has.Count.EqualTo(1), "one in flight, three claimed and waiting");

        var worker = host.Factory.Services.GetServices<IHostedService>().OfType<EventDeliveryWorker>().Single();
        await worker.StopAsync(CancellationToken.None);

        await using var db = await Contexts(host).CreateDbContextAsync();
        var deliveries = await db.EventDeliveries.AsNoTracking()
            .Select(d => new { d.Status, Owner = EF.Property<string?>(d, "LeaseOwner") }).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(receiver.Received, Has.Count.EqualTo(1), "nothing new starts once stopping");
            Assert.That(deliveries.Count(d => d.Status == DeliveryStatus.Succeeded), Is.EqualTo(1), "the POST in flight finished and was stored");
            Assert.That(deliveries.Count(d => d.Status == DeliveryStatus.Pending), Is.EqualTo(3));
            Assert.That(deliveries.Where(d => d.Owner != null), Is.Empty, "no lease is left to run out: another instance may claim them now");
        });
    }

    [Test]
    public async Task Receiver410_WithDeliveriesWaitingInTheLane_GetsNoneOfThem()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Answer = async _ =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            return 410;
        };
        await using var host = Start(("Events:ConcurrencyPerEndpoint", "1"));
        await RegisterAsync(Admin(host), receiver);
        await PostFromFourContactsAsync(host, "91666660000");

        await WaitUntilAsync(host, async db => await db.WebhookEndpoints.AnyAsync(e => e.Disabled));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(receiver.Received, Has.Count.EqualTo(1), "the endpoint said it is gone: the deliveries waiting behind that POST are not sent");
    }

    [Test]
    public async Task DeletedEndpoint_WithDeliveriesWaitingInTheLane_GetsNoneOfThem()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Answer = async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            return 204;
        };
        await using var host = Start(("Events:ConcurrencyPerEndpoint", "1"));
        var admin = Admin(host);
        var (endpointId, _) = await RegisterAsync(admin, receiver);
        await PostFromFourContactsAsync(host, "91555550000");

        // The first POST has arrived (and takes 1.5 s, within the 2 s timeout): the test acts within that.
        await receiver.WaitForAsync(_ => true);
        await WaitUntilLeasedAsync(host, 4);
        Assert.That((await admin.DeleteAsync($"/api/webhook-endpoints/{endpointId}")).IsSuccessStatusCode, Is.True);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.That(receiver.Received, Has.Count.EqualTo(1), "only the POST already under way when the endpoint was deleted");
    }

    // Four inbound messages, each from its own contact, so the claim may take them all at once.
    private static async Task PostFromFourContactsAsync(WebhookTestHost host, string numberPrefix)
    {
        for (var i = 0; i < 4; i++)
        {
            await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from: $"{numberPrefix}{i}"));
        }
    }

    private static Task WaitUntilLeasedAsync(WebhookTestHost host, int deliveries) =>
        WaitUntilAsync(host, async db => await db.EventDeliveries.CountAsync(d => EF.Property<string?>(d, "LeaseOwner") != null) == deliveries);

    private static IDbContextFactory<WhatsAppDbContext> Contexts(WebhookTestHost host) =>
        host.Factory.Services.GetRequiredService<IDbContextFactory<WhatsAppDbContext>>();

    private static async Task WaitUntilAsync(WebhookTestHost host, Func<WhatsAppDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var db = await Contexts(host).CreateDbContextAsync())
            {
                if (await condition(db))
                {
                    return;
                }
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the condition did not hold within 20 s");
            await Task.Delay(20);
        }
    }
}
