using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;
using WhatsApp.Domain.Services;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Tests.Builders;
using static WhatsApp.Tests.Integration.Persistence.ErasureTestData;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// A contact erased while one of their messages is being sent: the real outbox and eraser on a real database, the
/// provider a mock that erases the contact while it "holds" the request, so the race happens at the same point each run.
/// </summary>
[TestFixture]
public sealed class ErasureRaceTests
{
    private const string Contact = "+14155552671";
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Dispatch_ContactErasedWhileSendingThenRetried_FailsContentErasedAndNeverSendsEmpty()
    {
        await using var database = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(Start);
        var message = Queued(Contact, Start);
        await SaveAsync(database, message);
        var eraser = new ContentErasure(database.UnitOfWork, Mock.Of<IErasureObserver>(), TimeProvider.System);
        var sent = new List<MessageContent>();
        var provider = new Mock<IMessagingProvider>();
        provider.Setup(p => p.SendAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>()))
            .Returns(async (Message m, CancellationToken ct) =>
            {
                sent.Add(m.Content);
                await eraser.EraseContactAsync(Contact, null, ct);
                return new SendResult.RetryLater("plivo_503", "Plivo is unavailable");
            });
        var dispatcher = Dispatcher(database, provider.Object, time);

        await DispatchRound.RunAsync(dispatcher);
        var afterFirst = await LoadAsync(database, message.Id);
        time.Advance(TimeSpan.FromMinutes(10));
        await DispatchRound.RunAsync(dispatcher);

        var stored = await LoadAsync(database, message.Id);
        Assert.Multiple(() =>
        {
            Assert.That(afterFirst.Status, Is.EqualTo(MessageStatus.Queued), "the in-flight attempt ended in a retry");
            Assert.That(afterFirst.Content.IsEmpty, Is.True, "the retry did not write the content back");
            Assert.That(sent, Has.Count.EqualTo(1), "only the attempt made before the erasure reached the provider");
            Assert.That(sent.Single().Text, Is.EqualTo(Secret));
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(stored.ErrorCode, Is.EqualTo(MessageContent.ErasedErrorCode));
            Assert.That(stored.NextAttemptAt, Is.Null);
        });
    }

    private static MessageDispatcher Dispatcher(TestDatabase database, IMessagingProvider provider, FakeTimeProvider time)
    {
        var outbox = new OutboxStore(database.UnitOfWork, Options.Create(new DispatchOptions()), time);
        var pacer = new Mock<ISenderPacer>();
        pacer.Setup(p => p.WaitAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(ValueTask.CompletedTask);
        pacer.Setup(p => p.EnterSendAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(Mock.Of<IDisposable>());
        return new MessageDispatcher(outbox, provider, pacer.Object, new DispatchPolicy { BaseDelay = TimeSpan.FromSeconds(2) }, time);
    }
}
