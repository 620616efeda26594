using WhatsApp.Domain.Messages;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Unit.Domain;

public sealed class MessageTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddSeconds(5);

    [Test]
    public void CreateOutbound_ValidInput_IsQueuedForRecipientAndDueNow()
    {
        var message = new MessageBuilder().CreatedAt(Created).Build();

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Queued));
            Assert.That(message.Direction, Is.EqualTo(MessageDirection.Outbound));
            Assert.That(message.Contact, Is.EqualTo(MessageBuilder.DefaultTo));
            Assert.That(message.NextAttemptAt, Is.EqualTo(Created));
            Assert.That(message.Attempts, Is.Zero);
        });
    }

    [Test]
    public void MarkSending_QueuedMessage_IncrementsAttemptsAndClearsNextAttempt()
    {
        var message = new MessageBuilder().CreatedAt(Created).Build();

        message.MarkSending(Later);

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Sending));
            Assert.That(message.Attempts, Is.EqualTo(1));
            Assert.That(message.NextAttemptAt, Is.Null);
            Assert.That(message.UpdatedAt, Is.EqualTo(Later));
        });
    }

    [Test]
    public void MarkSent_SendingMessage_StoresProviderIdAndSentAt()
    {
        var message = new MessageBuilder().CreatedAt(Created).BuildSending();

        message.MarkSent("plivo-uuid-1", Later);

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Sent));
            Assert.That(message.ProviderMessageId, Is.EqualTo("plivo-uuid-1"));
            Assert.That(message.SentAt, Is.EqualTo(Later));
        });
    }

    [Test]
    public void MarkFailed_SendingMessage_IsFailedWithError()
    {
        var message = new MessageBuilder().BuildSending();

        message.MarkFailed("invalid_number", "Not a WhatsApp user", Later);

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(message.ErrorCode, Is.EqualTo("invalid_number"));
            Assert.That(message.ErrorReason, Is.EqualTo("Not a WhatsApp user"));
        });
    }

    [Test]
    public void ScheduleRetry_SendingMessage_IsQueuedAgainWithNextAttemptAndError()
    {
        var message = new MessageBuilder().BuildSending();
        var next = Later.AddSeconds(2);

        message.ScheduleRetry("http_503", "Service unavailable", next, Later);

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Queued));
            Assert.That(message.NextAttemptAt, Is.EqualTo(next));
            Assert.That(message.ErrorCode, Is.EqualTo("http_503"));
            Assert.That(message.ErrorReason, Is.EqualTo("Service unavailable"));
            Assert.That(message.Attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public void MarkOutcomeUnknown_SendingMessage_IsOutcomeUnknownWithReason()
    {
        var message = new MessageBuilder().BuildSending();

        message.MarkOutcomeUnknown("Timed out after 10 s", Later);

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.OutcomeUnknown));
            Assert.That(message.ErrorCode, Is.EqualTo("outcome_unknown"));
            Assert.That(message.ErrorReason, Is.EqualTo("Timed out after 10 s"));
        });
    }

    [TestCase("sent")]
    [TestCase("failed")]
    [TestCase("retry")]
    [TestCase("unknown")]
    public void Transition_QueuedMessage_ThrowsInvalidOperation(string transition)
    {
        var message = new MessageBuilder().Build();

        Assert.Throws<InvalidOperationException>(() => Apply(message, transition));
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Queued));
    }

    [TestCase("sending")]
    [TestCase("sent")]
    [TestCase("failed")]
    [TestCase("unknown")]
    public void MarkSending_AfterTransition_ThrowsInvalidOperation(string transition)
    {
        var message = new MessageBuilder().Build();
        message.MarkSending(Later);
        if (transition != "sending")
        {
            Apply(message, transition);
        }

        Assert.Throws<InvalidOperationException>(() => message.MarkSending(Later));
    }

    [Test]
    public void MarkFailed_ReasonLongerThanMax_TruncatedToMaxLength()
    {
        var message = new MessageBuilder().BuildSending();

        message.MarkFailed("rejected", new string('x', Message.MaxErrorReasonLength + 100), Later);

        Assert.That(message.ErrorReason, Has.Length.EqualTo(Message.MaxErrorReasonLength));
    }

    private static void Apply(Message message, string transition)
    {
        switch (transition)
        {
            case "sent": message.MarkSent("uuid", Later); break;
            case "failed": message.MarkFailed("code", "reason", Later); break;
            case "retry": message.ScheduleRetry("code", "reason", Later, Later); break;
            case "unknown": message.MarkOutcomeUnknown("reason", Later); break;
            default: throw new ArgumentOutOfRangeException(nameof(transition), transition, null);
        }
    }
}
