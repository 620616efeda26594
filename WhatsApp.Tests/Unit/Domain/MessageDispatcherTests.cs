using Microsoft.Extensions.Time.Testing;
using Moq;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Services;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Unit.Domain;

public sealed class MessageDispatcherTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly DispatchPolicy _policy = new() { BaseDelay = TimeSpan.FromSeconds(2), MaxAttempts = 5 };
    private FakeTimeProvider _time = null!;
    private Mock<IOutbox> _outbox = null!;
    private Mock<IMessagingProvider> _provider = null!;
    private Mock<ISenderPacer> _pacer = null!;
    private Mock<IDisposable> _permit = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(Start);
        _outbox = new Mock<IOutbox>();
        _outbox.Setup(o => o.TryStartSendingAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _outbox.Setup(o => o.ClaimDueAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _provider = new Mock<IMessagingProvider>();
        _pacer = new Mock<ISenderPacer>();
        _permit = new Mock<IDisposable>();
        _pacer.Setup(p => p.WaitAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(ValueTask.CompletedTask);
        _pacer.Setup(p => p.EnterSendAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(_permit.Object);
    }

    [Test]
    public async Task DispatchOneAsync_Accepted_MarksSentWithUuidAndSavesOnce()
    {
        var message = NewMessage();
        ProviderReturns(new SendResult.Accepted("uuid-1"));

        await Dispatcher().DispatchOneAsync(message, CancellationToken.None);

        Assert.That(message.Status, Is.EqualTo(MessageStatus.Sent));
        Assert.That(message.ProviderMessageId, Is.EqualTo("uuid-1"));
        _outbox.Verify(o => o.SaveOutcomeAsync(message, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task DispatchOneAsync_Sending_HoldsTheSendersPermitUntilTheProviderAnswers()
    {
        var message = NewMessage();
        var disposedDuringRequest = true;
        _provider.Setup(p => p.SendAsync(message, It.IsAny<CancellationToken>()))
            .Callback(() => disposedDuringRequest = _permit.Invocations.Any(i => i.Method.Name == nameof(IDisposable.Dispose)))
            .ReturnsAsync(new SendResult.Accepted("uuid-1"));

        await Dispatcher().DispatchOneAsync(message, CancellationToken.None);

        Assert.That(disposedDuringRequest, Is.False, "the permit must cover the whole request");
        _permit.Verify(p => p.Dispose(), Times.Once);
    }

    [Test]
    public async Task DispatchOneAsync_StopSignalledWhileTheProviderCallIsInFlight_StillRecordsTheProvidersOutcome()
    {
        var message = NewMessage();
        var answer = new TaskCompletionSource<SendResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Like a real provider: a cancelled token abandons the request, whatever Plivo does with it.
        _provider.Setup(p => p.SendAsync(message, It.IsAny<CancellationToken>()))
            .Returns((Message _, CancellationToken token) =>
            {
                called.SetResult();
                return answer.Task.WaitAsync(token);
            });
        using var stop = new CancellationTokenSource();

        var dispatch = Dispatcher().DispatchOneAsync(message, stop.Token);
        await called.Task;
        await stop.CancelAsync();
        answer.SetResult(new SendResult.Accepted("uuid-1"));
        await dispatch;

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Sent));
            Assert.That(message.ProviderMessageId, Is.EqualTo("uuid-1"));
        });
        _outbox.Verify(o => o.SaveOutcomeAsync(message, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task DispatchOneAsync_StopSignalledBeforeTheAnswer_StoresTheOutcomeWithATokenTheStopDoesNotCancel()
    {
        var message = NewMessage();
        using var stop = new CancellationTokenSource();
        var saveToken = new CancellationToken(canceled: true);
        _outbox.Setup(o => o.SaveOutcomeAsync(message, It.IsAny<CancellationToken>()))
            .Callback((Message _, CancellationToken token) => saveToken = token)
            .Returns(Task.CompletedTask);
        _provider.Setup(p => p.SendAsync(message, It.IsAny<CancellationToken>()))
            .Callback(() => stop.Cancel())
            .ReturnsAsync(new SendResult.Accepted("uuid-1"));

        await Dispatcher().DispatchOneAsync(message, stop.Token);

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Sent));
            Assert.That(saveToken.CanBeCanceled, Is.False, "the outbox's retries of a failed save must outlive the stop");
        });
    }

    [Test]
    public async Task DispatchOneAsync_Rejected_MarksFailedWithError()
    {
        var message = NewMessage();
        ProviderReturns(new SendResult.Rejected("400", "Invalid destination"));

        await Dispatcher().DispatchOneAsync(message, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(message.ErrorCode, Is.EqualTo("400"));
            Assert.That(message.ErrorReason, Is.EqualTo("Invalid destination"));
        });
    }

    [Test]
    public async Task DispatchOneAsync_RetryLater_RequeuesWithinBackoff()
    {
        var message = NewMessage();
        ProviderReturns(new SendResult.RetryLater("503", "Unavailable"));

        await Dispatcher().DispatchOneAsync(message, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Queued));
            Assert.That(message.Attempts, Is.EqualTo(1));
            Assert.That(message.NextAttemptAt, Is.InRange(Start.AddSeconds(1), Start.AddSeconds(2)));
        });
    }

    [Test]
    public async Task DispatchOneAsync_RetryLaterWithRetryAfter_NextAttemptNotBeforeRetryAfter()
    {
        var message = NewMessage();
        ProviderReturns(new SendResult.RetryLater("429", "Too many requests", TimeSpan.FromSeconds(30)));

        await Dispatcher().DispatchOneAsync(message, CancellationToken.None);

        Assert.That(message.Status, Is.EqualTo(MessageStatus.Queued));
        Assert.That(message.NextAttemptAt, Is.InRange(Start.AddSeconds(30), Start.AddSeconds(32)));
    }

    [Test]
    public async Task DispatchOneAsync_RetryThenAccepted_SentAfterTwoAttempts()
    {
        var message = NewMessage();
        _provider.SetupSequence(p => p.SendAsync(message, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendResult.RetryLater("503", "Unavailable"))
            .ReturnsAsync(new SendResult.Accepted("uuid-2"));
        var dispatcher = Dispatcher();

        await dispatcher.DispatchOneAsync(message, CancellationToken.None);
        _time.SetUtcNow(message.NextAttemptAt!.Value);
        await dispatcher.DispatchOneAsync(message, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Sent));
            Assert.That(message.Attempts, Is.EqualTo(2));
            Assert.That(message.ProviderMessageId, Is.EqualTo("uuid-2"));
        });
        _outbox.Verify(o => o.SaveOutcomeAsync(message, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task DispatchOneAsync_RetryLaterOnLastAttempt_MarksFailedGivingUp()
    {
        var message = NewMessage();
        ProviderReturns(new SendResult.RetryLater("503", "Unavailable"));
        var dispatcher = Dispatcher(_policy with { MaxAttempts = 2 });

        await dispatcher.DispatchOneAsync(message, CancellationToken.None);
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Queued));
        _time.SetUtcNow(message.NextAttemptAt!.Value);
        await dispatcher.DispatchOneAsync(message, CancellationToken.None);

        Assert.That(message.Status, Is.EqualTo(MessageStatus.Failed));
        Assert.That(message.ErrorReason, Does.Contain("Gave up after 2 attempts"));
    }

    [Test]
    public async Task DispatchOneAsync_RetryLaterAfterRetryWindow_MarksFailed()
    {
        var message = NewMessage();
        ProviderReturns(new SendResult.RetryLater("503", "Unavailable"));
        _time.Advance(TimeSpan.FromMinutes(11));

        await Dispatcher(_policy with { RetryWindow = TimeSpan.FromMinutes(10) }).DispatchOneAsync(message, CancellationToken.None);

        Assert.That(message.Status, Is.EqualTo(MessageStatus.Failed));
        Assert.That(message.ErrorReason, Does.Contain("Gave up"));
    }

    [Test]
    public async Task DispatchOneAsync_OutcomeUnknown_NeverResent()
    {
        var message = NewMessage();
        ProviderReturns(new SendResult.OutcomeUnknown("Timed out"));
        var dispatcher = Dispatcher();

        await dispatcher.DispatchOneAsync(message, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var attempted = await DispatchRound.RunAsync(dispatcher);

        Assert.That(message.Status, Is.EqualTo(MessageStatus.OutcomeUnknown));
        Assert.That(attempted, Is.Zero);
        _provider.Verify(p => p.SendAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Once);
        _outbox.Verify(o => o.SaveOutcomeAsync(message, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task DispatchOneAsync_LeaseLost_ProviderNeverCalled()
    {
        var message = NewMessage();
        _outbox.Setup(o => o.TryStartSendingAsync(message, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        await Dispatcher().DispatchOneAsync(message, CancellationToken.None);

        _provider.Verify(p => p.SendAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Never);
        _outbox.Verify(o => o.SaveOutcomeAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task DispatchOneAsync_PacerPending_WaitsForSenderBeforeSending()
    {
        var message = new MessageBuilder().From("+14155550199").CreatedAt(Start).Build();
        var calls = new List<string>();
        var gate = new TaskCompletionSource();
        _pacer.Setup(p => p.WaitAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("pace")).Returns(new ValueTask(gate.Task));
        _outbox.Setup(o => o.TryStartSendingAsync(message, It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("start")).ReturnsAsync(true);
        _provider.Setup(p => p.SendAsync(message, It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("send")).ReturnsAsync(new SendResult.Accepted("uuid"));

        var dispatch = Dispatcher().DispatchOneAsync(message, CancellationToken.None);
        Assert.That(calls, Is.EqualTo(new[] { "pace" }));
        gate.SetResult();
        await dispatch;

        Assert.That(calls, Is.EqualTo(new[] { "pace", "start", "send" }));
        _pacer.Verify(p => p.WaitAsync("+14155550199", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ClaimDue_ReleasesAbandonedFirstThenClaims_AndEachClaimedIsSent()
    {
        var messages = new[] { NewMessage(), NewMessage(), NewMessage() };
        var calls = new List<string>();
        _outbox.Setup(o => o.ReleaseAbandonedAsync(It.IsAny<CancellationToken>())).Callback(() => calls.Add("release")).ReturnsAsync(0);
        _outbox.Setup(o => o.ClaimDueAsync(_policy.BatchSize, It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("claim")).ReturnsAsync(messages);
        ProviderReturns(new SendResult.Accepted("uuid"));

        var attempted = await DispatchRound.RunAsync(Dispatcher(), _policy.BatchSize);

        Assert.That(attempted, Is.EqualTo(3));
        Assert.That(calls, Is.EqualTo(new[] { "release", "claim" }));
        foreach (var message in messages)
        {
            _provider.Verify(p => p.SendAsync(message, It.IsAny<CancellationToken>()), Times.Once);
        }

        Assert.That(messages.Select(m => m.Status), Is.All.EqualTo(MessageStatus.Sent));
    }

    [Test]
    public void DispatchOneAsync_GateFails_MessageBackInTheQueueAndNothingSent()
    {
        var message = NewMessage();
        _pacer.Setup(p => p.EnterSendAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(() => ValueTask.FromException<IDisposable>(new InvalidOperationException("the pacing database is down")));

        Assert.ThrowsAsync<InvalidOperationException>(() => Dispatcher().DispatchOneAsync(message, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Queued), "certainly not sent, so not outcome unknown");
            Assert.That(message.ErrorCode, Is.EqualTo("pacing_unavailable"));
            _provider.Verify(p => p.SendAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Never);
            _outbox.Verify(o => o.SaveOutcomeAsync(message, It.IsAny<CancellationToken>()), Times.Once);
        });
    }

    private static Message NewMessage() => new MessageBuilder().CreatedAt(Start).Build();

    private void ProviderReturns(SendResult result) =>
        _provider.Setup(p => p.SendAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>())).ReturnsAsync(result);

    private MessageDispatcher Dispatcher(DispatchPolicy? policy = null) =>
        new(_outbox.Object, _provider.Object, _pacer.Object, policy ?? _policy, _time);
}
