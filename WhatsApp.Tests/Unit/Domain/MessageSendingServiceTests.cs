using Microsoft.Extensions.Time.Testing;
using Moq;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Services;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Unit.Domain;

public sealed class MessageSendingServiceTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private InlineUnitOfWork _unitOfWork = null!;
    private Mock<IMessageRepository> _messages = null!;
    private Mock<IIdempotencyStore> _idempotency = null!;
    private Mock<IDispatchSignal> _signal = null!;
    private MessageSendingService _service = null!;

    [SetUp]
    public void SetUp()
    {
        _unitOfWork = new InlineUnitOfWork();
        _messages = new Mock<IMessageRepository>();
        _idempotency = new Mock<IIdempotencyStore>();
        _signal = new Mock<IDispatchSignal>();
        _service = new MessageSendingService(
            _unitOfWork, _messages.Object, _idempotency.Object, _signal.Object, Mock.Of<IContactRepository>(), new SendingPolicy(WindowPolicy.Off), new FakeTimeProvider(Now));
    }

    [Test]
    public async Task AcceptAsync_NewRequest_StoresQueuedMessageWithV7IdAndSignals()
    {
        Message? stored = null;
        _unitOfWork.Writes.Setup(w => w.TryAddMessageAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>()))
            .Callback((Message m, CancellationToken _) => stored = m).ReturnsAsync(true);

        var accepted = await _service.AcceptAsync(Command("client-a"), CancellationToken.None);

        Assert.That(stored, Is.SameAs(accepted.Message));
        Assert.Multiple(() =>
        {
            Assert.That(accepted.Replayed, Is.False);
            Assert.That(accepted.Message.Status, Is.EqualTo(MessageStatus.Queued));
            Assert.That(accepted.Message.Id.Version, Is.EqualTo(7));
            Assert.That(accepted.Message.CreatedAt, Is.EqualTo(Now));
            Assert.That(accepted.Message.ClientName, Is.EqualTo("client-a"));
        });
        _signal.Verify(s => s.Notify(accepted.Message), Times.Once);
    }

    [Test]
    public async Task AcceptAsync_WithIdempotencyKey_StoresRecordForClientKeyAndMessage()
    {
        IdempotencyRecord? record = null;
        _unitOfWork.Writes.Setup(w => w.TryAddIdempotencyKeyAsync(It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .Callback((IdempotencyRecord r, CancellationToken _) => record = r).ReturnsAsync(true);

        var accepted = await _service.AcceptAsync(Command("client-a", "key-1", "fp-1"), CancellationToken.None);

        Assert.That(record, Is.EqualTo(new IdempotencyRecord("client-a", "key-1", "fp-1", accepted.Message.Id, Now)));
    }

    [Test]
    public async Task AcceptAsync_SameKeySameFingerprint_ReturnsExistingAsReplayed()
    {
        var existing = StoredFor("client-a", "key-1", "fp-1");

        var accepted = await _service.AcceptAsync(Command("client-a", "key-1", "fp-1"), CancellationToken.None);

        Assert.That(accepted.Message, Is.SameAs(existing));
        Assert.That(accepted.Replayed, Is.True);
        _unitOfWork.Writes.Verify(w => w.TryAddMessageAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Never);
        _signal.Verify(s => s.Notify(It.IsAny<Message>()), Times.Never);
    }

    [Test]
    public void AcceptAsync_SameKeyDifferentFingerprint_ThrowsConflict()
    {
        StoredFor("client-a", "key-1", "fp-1");

        Assert.ThrowsAsync<ConflictException>(() => _service.AcceptAsync(Command("client-a", "key-1", "fp-2"), CancellationToken.None));
        _unitOfWork.Writes.Verify(w => w.TryAddMessageAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task AcceptAsync_ConcurrentRequestWonKeyRace_ReturnsWinnersMessageAsReplayed()
    {
        var winner = new MessageBuilder().Build();
        _idempotency.SetupSequence(s => s.FindAsync("client-a", "key-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync((IdempotencyRecord?)null)
            .ReturnsAsync(new IdempotencyRecord("client-a", "key-1", "fp-1", winner.Id, Now));
        _unitOfWork.Writes.Setup(w => w.TryAddIdempotencyKeyAsync(It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _messages.Setup(m => m.FindAsync(winner.Id, It.IsAny<CancellationToken>())).ReturnsAsync(winner);

        var accepted = await _service.AcceptAsync(Command("client-a", "key-1", "fp-1"), CancellationToken.None);

        Assert.That(accepted.Message, Is.SameAs(winner));
        Assert.That(accepted.Replayed, Is.True);
        _signal.Verify(s => s.Notify(It.IsAny<Message>()), Times.Never);
    }

    [Test]
    public async Task AcceptAsync_OtherClientUsedSameKey_StoresNewMessage()
    {
        var othersMessage = StoredFor("client-a", "key-1", "fp-1");

        var accepted = await _service.AcceptAsync(Command("client-b", "key-1", "fp-1"), CancellationToken.None);

        Assert.That(accepted.Replayed, Is.False);
        Assert.That(accepted.Message.Id, Is.Not.EqualTo(othersMessage.Id));
        _idempotency.Verify(s => s.FindAsync("client-b", "key-1", It.IsAny<CancellationToken>()), Times.Once);
        _idempotency.Verify(s => s.FindAsync("client-a", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _unitOfWork.Writes.Verify(w => w.TryAddMessageAsync(accepted.Message, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task AcceptAsync_SameKeyWithoutFingerprintRepeated_ReplaysFirstMessage()
    {
        IdempotencyRecord? record = null;
        _unitOfWork.Writes.Setup(w => w.TryAddIdempotencyKeyAsync(It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .Callback((IdempotencyRecord r, CancellationToken _) => record = r).ReturnsAsync(true);
        var first = await _service.AcceptAsync(Command("client-a", "key-1"), CancellationToken.None);
        _idempotency.Setup(s => s.FindAsync("client-a", "key-1", It.IsAny<CancellationToken>())).ReturnsAsync(() => record);
        _messages.Setup(m => m.FindAsync(first.Message.Id, It.IsAny<CancellationToken>())).ReturnsAsync(first.Message);

        var second = await _service.AcceptAsync(Command("client-a", "key-1"), CancellationToken.None);

        Assert.That(second.Message, Is.SameAs(first.Message));
        Assert.That(second.Replayed, Is.True);
    }

    private Message StoredFor(string client, string key, string fingerprint)
    {
        var message = new MessageBuilder().ForClient(client).Build();
        _idempotency.Setup(s => s.FindAsync(client, key, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IdempotencyRecord(client, key, fingerprint, message.Id, Now));
        _messages.Setup(m => m.FindAsync(message.Id, It.IsAny<CancellationToken>())).ReturnsAsync(message);
        return message;
    }

    private static SendMessageCommand Command(string client, string? key = null, string? fingerprint = null) =>
        new(MessageBuilder.DefaultFrom, MessageBuilder.DefaultTo, MessageType.Text, MessageContent.ForText("Hi"), client, key, fingerprint);
}
