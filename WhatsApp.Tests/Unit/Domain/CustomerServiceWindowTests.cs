using Microsoft.Extensions.Time.Testing;
using Moq;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Services;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Unit.Domain;

public sealed class CustomerServiceWindowTests
{
    private const string Customer = "+14155552671";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void AcceptAsync_TextWhenTheContactNeverWrote_ThrowsWindowClosed()
    {
        var service = Service(WindowPolicy.Enforce, lastInbound: null);

        var error = Assert.ThrowsAsync<WindowClosedException>(() => service.AcceptAsync(Command(MessageType.Text), default));

        Assert.That(error!.ClosedAt, Is.Null);
    }

    [Test]
    public void AcceptAsync_TextTwentyFiveHoursAfterTheLastInbound_ThrowsWithTheClosingTime()
    {
        var service = Service(WindowPolicy.Enforce, lastInbound: Now.AddHours(-25));

        var error = Assert.ThrowsAsync<WindowClosedException>(() => service.AcceptAsync(Command(MessageType.Text), default));

        Assert.That(error!.ClosedAt, Is.EqualTo(Now.AddHours(-1)));
        Assert.That(error.Message, Does.Contain("template"));
    }

    [Test]
    public async Task AcceptAsync_TextWithinTwentyFourHours_IsAccepted()
    {
        var service = Service(WindowPolicy.Enforce, lastInbound: Now.AddHours(-23));

        var accepted = await service.AcceptAsync(Command(MessageType.Text), default);

        Assert.That(accepted.Message.OutsideWindow, Is.False);
    }

    [Test]
    public async Task AcceptAsync_TemplateWithTheWindowClosed_IsAccepted()
    {
        var service = Service(WindowPolicy.Enforce, lastInbound: null);

        var accepted = await service.AcceptAsync(Command(MessageType.Template), default);

        Assert.That(accepted.Message.Status, Is.EqualTo(MessageStatus.Queued));
    }

    [Test]
    public async Task AcceptAsync_WarnPolicyWithTheWindowClosed_AcceptsAndFlags()
    {
        var service = Service(WindowPolicy.Warn, lastInbound: null);

        var accepted = await service.AcceptAsync(Command(MessageType.Interactive), default);

        Assert.That(accepted.Message.OutsideWindow, Is.True);
    }

    [Test]
    public void IsOpen_ExactlyTwentyFourHoursLater_IsClosed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CustomerServiceWindow.IsOpen(Now.AddHours(-24), Now), Is.False);
            Assert.That(CustomerServiceWindow.IsOpen(Now.AddHours(-24).AddSeconds(1), Now), Is.True);
            Assert.That(CustomerServiceWindow.IsOpen(null, Now), Is.False);
        });
    }

    [Test]
    public void Record_InboundOlderThanTheLatest_DoesNotMoveTheWindowBack()
    {
        var contact = ContactWhoWroteAt(Now);

        contact.Record(Inbound(Now.AddMinutes(-5)));

        Assert.Multiple(() =>
        {
            Assert.That(contact.LastInboundAt, Is.EqualTo(Now));
            Assert.That(contact.InboundCount, Is.EqualTo(2));
        });
    }

    [Test]
    public void Record_Outbound_CountsItWithoutOpeningTheWindow()
    {
        var outbound = Message.CreateOutbound(Guid.CreateVersion7(Now), "+14155550100", Customer, MessageType.Template, new MessageContent(), "c", Now);
        var contact = Contact.For(outbound);

        contact.Record(outbound);

        Assert.Multiple(() =>
        {
            Assert.That(contact.LastInboundAt, Is.Null);
            Assert.That(contact.OutboundCount, Is.EqualTo(1));
            Assert.That(contact.LastMessageId, Is.EqualTo(outbound.Id));
            Assert.That(contact.OurNumber, Is.EqualTo("+14155550100"));
        });
    }

    private static Message Inbound(DateTimeOffset at) => Message.CreateInbound(
        Guid.CreateVersion7(at), Customer, "+14155550100", Guid.NewGuid().ToString(), MessageType.Text, MessageContent.ForText("Hi"),
        new InboundDetails("text", [], null, null, null, null, new Dictionary<string, string>()), at);

    private static Contact ContactWhoWroteAt(DateTimeOffset at)
    {
        var message = Inbound(at);
        var contact = Contact.For(message);
        contact.Record(message);
        return contact;
    }

    private static MessageSendingService Service(WindowPolicy policy, DateTimeOffset? lastInbound)
    {
        var contacts = new Mock<IContactRepository>();
        contacts.Setup(c => c.FindAsync(Customer, It.IsAny<CancellationToken>()))
            .ReturnsAsync(lastInbound is { } at ? ContactWhoWroteAt(at) : null);
        return new MessageSendingService(
            new InlineUnitOfWork(), Mock.Of<IMessageRepository>(), Mock.Of<IIdempotencyStore>(), Mock.Of<IDispatchSignal>(), contacts.Object,
            new SendingPolicy(policy), new FakeTimeProvider(Now));
    }

    private static SendMessageCommand Command(MessageType type) =>
        new("+14155550100", Customer, type, MessageContent.ForText("Hi"), "client");
}
