using WhatsApp.Domain.Events;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Tests.Unit.Events;

[TestFixture]
public sealed class DeliveryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly DeliveryPolicy Policy = new(DeliveryPolicy.SvixSchedule, TimeSpan.FromDays(5), TimeSpan.FromHours(24), TimeSpan.FromSeconds(40));
    private static readonly DeliveryResult Failed500 = new(500, TimeSpan.FromMilliseconds(3), null, "oops");
    private static readonly DeliveryResult Ok = new(204, TimeSpan.FromMilliseconds(3), null, null);

    [Test]
    public void Record_FailuresFollowSvixsScheduleThenTheDeliveryFails()
    {
        var delivery = EventDelivery.For(Endpoint(), Event(MessageStatus.Delivered), Now);
        var waits = new List<TimeSpan>();
        var at = Now;
        while (delivery.Status == DeliveryStatus.Pending)
        {
            delivery.Record(Failed500, Policy, at);
            if (delivery.NextAttemptAt is { } next)
            {
                waits.Add(next - at);
                at = next;
            }
        }

        Assert.That(waits, Is.EqualTo(new[]
        {
            TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
            TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
        }));
        Assert.That((delivery.Status, delivery.Attempts), Is.EqualTo((DeliveryStatus.Failed, 8)));
    }

    [Test]
    public void Record_A2xx_Succeeds_And410FailsAtOnce()
    {
        var succeeded = EventDelivery.For(Endpoint(), Event(MessageStatus.Read), Now);
        var gone = EventDelivery.For(Endpoint(), Event(MessageStatus.Read), Now);

        succeeded.Record(Ok, Policy, Now);
        gone.Record(new DeliveryResult(410, TimeSpan.Zero, null, null), Policy, Now);

        Assert.That((succeeded.Status, succeeded.NextAttemptAt), Is.EqualTo((DeliveryStatus.Succeeded, (DateTimeOffset?)null)));
        Assert.That(gone.Status, Is.EqualTo(DeliveryStatus.Failed));
    }

    [Test]
    public void RecordDelivery_410_DisablesTheEndpointSayingWhy()
    {
        var endpoint = Endpoint();

        Assert.That(endpoint.RecordDelivery(new DeliveryResult(410, TimeSpan.Zero, null, null), Now, Policy.DisableAfter), Is.True);
        Assert.That(endpoint.Disabled, Is.True);
        Assert.That(endpoint.DisabledReason, Does.Contain("410"));
    }

    [Test]
    public void RecordDelivery_FailingForFiveDays_Disables_AndASuccessInBetweenStartsTheClockAgain()
    {
        var endpoint = Endpoint();
        endpoint.RecordDelivery(Failed500, Now, Policy.DisableAfter);
        endpoint.RecordDelivery(Ok, Now.AddDays(3), Policy.DisableAfter);
        endpoint.RecordDelivery(Failed500, Now.AddDays(4), Policy.DisableAfter);

        Assert.That(endpoint.RecordDelivery(Failed500, Now.AddDays(8.9), Policy.DisableAfter), Is.False);
        Assert.That(endpoint.RecordDelivery(Failed500, Now.AddDays(9), Policy.DisableAfter), Is.True);
        Assert.That(endpoint.DisabledReason, Does.Contain("5 days"));
    }

    [Test]
    public void Subscribes_FiltersByTypeAndSender_EmptyMeaningAll()
    {
        var all = Endpoint();
        var readOnly = WebhookEndpoint.Create("https://example.com/a", null, [EventTypes.Read], null, Now);
        var otherSender = WebhookEndpoint.Create("https://example.com/b", null, null, ["+14155550199"], Now);
        var read = Event(MessageStatus.Read);

        Assert.Multiple(() =>
        {
            Assert.That(all.Subscribes(read), Is.True);
            Assert.That(readOnly.Subscribes(read), Is.True);
            Assert.That(readOnly.Subscribes(Event(MessageStatus.Delivered)), Is.False);
            Assert.That(otherSender.Subscribes(read), Is.False);
        });
    }

    [Test]
    public void RotateSecret_BothSignDuringTheOverlap_ThenOnlyTheNewOne()
    {
        var endpoint = Endpoint();
        var old = endpoint.Secret;

        var fresh = endpoint.RotateSecret(Now, TimeSpan.FromHours(24));

        Assert.That(fresh, Does.StartWith("whsec_").And.Not.EqualTo(old));
        Assert.That(Convert.FromBase64String(fresh["whsec_".Length..]), Has.Length.EqualTo(32));
        Assert.That(endpoint.SigningSecrets(Now.AddHours(23)), Is.EqualTo(new[] { fresh, old }));
        Assert.That(endpoint.SigningSecrets(Now.AddHours(24)), Is.EqualTo(new[] { fresh }));
    }

    [Test]
    public void Event_SequenceGrowsWithEachStatusAMessageReaches()
    {
        var statuses = new[] { MessageStatus.OutcomeUnknown, MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read };

        var sequences = statuses.Select(s => Event(s).Sequence).ToList();

        Assert.That(sequences, Is.Ordered.Ascending.And.Unique);
        Assert.That(MessageEvent.Of(Guid.NewGuid(), "+14155552671", "+14155550100", MessageStatus.Queued, Now), Is.Null);
    }

    private static WebhookEndpoint Endpoint() => WebhookEndpoint.Create("https://example.com/hook", null, null, null, Now);

    private static MessageEvent Event(MessageStatus status) =>
        MessageEvent.Of(Guid.CreateVersion7(Now), "+14155552671", "+14155550100", status, Now)!;
}
