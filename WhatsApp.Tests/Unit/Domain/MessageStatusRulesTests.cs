using WhatsApp.Domain.Messages;

namespace WhatsApp.Tests.Unit.Domain;

public sealed class MessageStatusRulesTests
{
    [TestCase(MessageStatus.Queued, MessageStatus.Sent, ExpectedResult = true)]
    [TestCase(MessageStatus.Sent, MessageStatus.Delivered, ExpectedResult = true)]
    [TestCase(MessageStatus.Delivered, MessageStatus.Read, ExpectedResult = true)]
    [TestCase(MessageStatus.Sent, MessageStatus.Failed, ExpectedResult = true)]
    [TestCase(MessageStatus.Delivered, MessageStatus.Undelivered, ExpectedResult = true)]
    [TestCase(MessageStatus.Read, MessageStatus.Delivered, ExpectedResult = false)]
    [TestCase(MessageStatus.Delivered, MessageStatus.Sent, ExpectedResult = false)]
    [TestCase(MessageStatus.Failed, MessageStatus.Delivered, ExpectedResult = false)]
    [TestCase(MessageStatus.Undelivered, MessageStatus.Sent, ExpectedResult = false)]
    [TestCase(MessageStatus.Read, MessageStatus.Sent, ExpectedResult = false)]
    [TestCase(MessageStatus.Read, MessageStatus.Failed, ExpectedResult = false)]
    [TestCase(MessageStatus.Sent, MessageStatus.Sent, ExpectedResult = false)]
    [TestCase(MessageStatus.Delivered, MessageStatus.Delivered, ExpectedResult = false)]
    [TestCase(MessageStatus.Failed, MessageStatus.Failed, ExpectedResult = false)]
    public bool CanAdvance_FromCurrentToNext_ReturnsWhetherAllowed(MessageStatus current, MessageStatus next) =>
        MessageStatusRules.CanAdvance(current, next);

    [TestCase(MessageStatus.OutcomeUnknown, MessageStatus.Sent, ExpectedResult = true)]
    [TestCase(MessageStatus.OutcomeUnknown, MessageStatus.Delivered, ExpectedResult = true)]
    [TestCase(MessageStatus.OutcomeUnknown, MessageStatus.Read, ExpectedResult = true)]
    [TestCase(MessageStatus.OutcomeUnknown, MessageStatus.Failed, ExpectedResult = true)]
    [TestCase(MessageStatus.OutcomeUnknown, MessageStatus.Undelivered, ExpectedResult = true)]
    [TestCase(MessageStatus.Sending, MessageStatus.Delivered, ExpectedResult = true)]
    public bool CanAdvance_OutcomeUnknownOrSendingToAnyReport_IsAllowed(MessageStatus current, MessageStatus next) =>
        MessageStatusRules.CanAdvance(current, next);

    [TestCase(MessageStatus.OutcomeUnknown, ExpectedResult = MessageStatus.Sent)]
    [TestCase(MessageStatus.Sending, ExpectedResult = MessageStatus.Sent)]
    [TestCase(MessageStatus.Queued, ExpectedResult = MessageStatus.Sent)]
    [TestCase(MessageStatus.Sent, ExpectedResult = MessageStatus.Queued)]
    [TestCase(MessageStatus.Delivered, ExpectedResult = MessageStatus.Queued)]
    public MessageStatus Reported_PlivosQueued_IsSentForAMessageNotKnownToBeThere(MessageStatus current) =>
        MessageStatusRules.Reported(current, MessageStatus.Queued);

    [TestCase(MessageStatus.Delivered)]
    [TestCase(MessageStatus.Failed)]
    [TestCase(MessageStatus.Read)]
    public void Reported_AnythingButQueued_IsWhatPlivoSaid(MessageStatus reported) =>
        Assert.That(MessageStatusRules.Reported(MessageStatus.OutcomeUnknown, reported), Is.EqualTo(reported));
}
