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
}
