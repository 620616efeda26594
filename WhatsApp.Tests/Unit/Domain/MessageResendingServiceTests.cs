using Microsoft.Extensions.Time.Testing;
using Moq;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Services;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Unit.Domain;

public sealed class MessageResendingServiceTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private InlineUnitOfWork _unitOfWork = null!;
    private Mock<IMessageRepository> _messages = null!;
    private Mock<IDispatchSignal> _signal = null!;
    private MessageResendingService _service = null!;

    [SetUp]
    public void SetUp()
    {
        _unitOfWork = new InlineUnitOfWork();
        _messages = new Mock<IMessageRepository>();
        _signal = new Mock<IDispatchSignal>();
        _service = new MessageResendingService(
            _unitOfWork, _messages.Object, _signal.Object, Mock.Of<IContactRepository>(), new SendingPolicy(WindowPolicy.Off), new FakeTimeProvider(Now));
    }

    [Test]
    public async Task ResendAsync_FailedMessage_StoresAQueuedCopyLinkedToItAndSignals()
    {
        var original = Failed();
        _messages.Setup(m => m.FindAsync(original.Id, It.IsAny<CancellationToken>())).ReturnsAsync(original);

        var resend = await _service.ResendAsync(original.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(resend.ResendOf, Is.EqualTo(original.Id));
            Assert.That(resend.Status, Is.EqualTo(MessageStatus.Queued));
            Assert.That(resend.Id.Version, Is.EqualTo(7));
            Assert.That((resend.From, resend.To, resend.Type, resend.Content, resend.ClientName),
                Is.EqualTo((original.From, original.To, original.Type, original.Content, original.ClientName)));
        });
        _unitOfWork.Writes.Verify(w => w.TryAddMessageAsync(resend, It.IsAny<CancellationToken>()), Times.Once);
        _signal.Verify(s => s.Notify(resend), Times.Once);
    }

    [Test]
    public void ResendAsync_AnotherResendWasStoredFirst_ThrowsConflictNamingItAndDoesNotSignal()
    {
        var original = Failed();
        var earlier = Message.CreateResend(original, Guid.CreateVersion7(), Now);
        _messages.Setup(m => m.FindAsync(original.Id, It.IsAny<CancellationToken>())).ReturnsAsync(original);
        _unitOfWork.Writes.Setup(w => w.TryAddMessageAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _messages.Setup(m => m.FindResendOfAsync(original.Id, It.IsAny<CancellationToken>())).ReturnsAsync(earlier);

        var thrown = Assert.ThrowsAsync<ConflictException>(() => _service.ResendAsync(original.Id, CancellationToken.None));

        Assert.That(thrown!.Message, Does.Contain(earlier.Id.ToString()));
        _signal.Verify(s => s.Notify(It.IsAny<Message>()), Times.Never);
    }

    [Test]
    public void ResendAsync_ContentErasedBeforeTheResendWasStored_ThrowsConflictSayingSoAndDoesNotSignal()
    {
        var original = Failed();
        _messages.Setup(m => m.FindAsync(original.Id, It.IsAny<CancellationToken>())).ReturnsAsync(original);
        _unitOfWork.Writes.Setup(w => w.HasContentAsync(original.Id, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var thrown = Assert.ThrowsAsync<ConflictException>(() => _service.ResendAsync(original.Id, CancellationToken.None));

        Assert.That(thrown!.Message, Does.Contain("erased"));
        _signal.Verify(s => s.Notify(It.IsAny<Message>()), Times.Never);
    }

    [Test]
    public void ResendAsync_UnknownId_ThrowsNotFoundAndStoresNothing()
    {
        Assert.ThrowsAsync<NotFoundException>(() => _service.ResendAsync(Guid.CreateVersion7(), CancellationToken.None));

        _unitOfWork.Writes.Verify(w => w.TryAddMessageAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static Message Failed()
    {
        var message = new MessageBuilder().WithId(Guid.CreateVersion7()).BuildSending();
        message.MarkFailed("plivo_400", "rejected", Now);
        return message;
    }
}
