using WhatsApp.Domain.Messages;

namespace WhatsApp.Tests.Integration.Seed;

/// <summary>What the app guarantees about any stored message, checked on a seeded one.</summary>
internal static class SeededMessageAssertions
{
    public static void AssertConsistent(Message message)
    {
        var id = message.Id.ToString();
        Assert.That(message.UpdatedAt, Is.GreaterThanOrEqualTo(message.CreatedAt), id);
        Assert.That(message.OutsideWindow, Is.False, id);
        Assert.That(message.TemplateName, Is.EqualTo(message.Content.Template?.Name), id);
        Assert.That(message.Content.Template is not null, Is.EqualTo(message.Type == MessageType.Template), id);
        Assert.That(message.Content.Interactive is not null, Is.EqualTo(message.Type == MessageType.Interactive && message.Direction == MessageDirection.Outbound), id);
        Assert.That(message.Content.Location is not null, Is.EqualTo(message.Type == MessageType.Location), id);
        Assert.That(message.Content.MediaUrl is not null, Is.EqualTo(message.Type == MessageType.Media), id);
        if (message.Type == MessageType.Text)
        {
            Assert.That(message.Content.Text, Is.Not.Empty, id);
        }

        if (message.Direction == MessageDirection.Inbound)
        {
            AssertInbound(message, id);
        }
        else
        {
            AssertOutbound(message, id);
        }
    }

    private static void AssertInbound(Message message, string id)
    {
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Received), id);
        Assert.That(message.From, Is.EqualTo(message.Contact), id);
        Assert.That(message.To, Does.StartWith("+141555501"), id);
        Assert.That(message.ClientName, Is.Empty, id);
        Assert.That((message.Attempts, message.SentAt, message.NextAttemptAt, message.Conversation), Is.EqualTo((0, (DateTimeOffset?)null, (DateTimeOffset?)null, (ConversationInfo?)null)), id);
        Assert.That(message.UpdatedAt, Is.EqualTo(message.CreatedAt), id);
        Assert.That(message.ProviderMessageId, Is.Not.Null, id);
        Assert.That(message.Inbound, Is.Not.Null, id);
        Assert.That(message.Inbound!.RawFields["MessageUUID"], Is.EqualTo(message.ProviderMessageId), id);
        Assert.That(message.Inbound.RawFields["From"], Is.EqualTo(message.From[1..]), id);
        Assert.That(message.Inbound.RawFields.GetValueOrDefault("Body"), Is.EqualTo(message.Content.Text), id);
    }

    private static void AssertOutbound(Message message, string id)
    {
        Assert.That(message.To, Is.EqualTo(message.Contact), id);
        Assert.That(message.From, Does.StartWith("+141555501"), id);
        Assert.That(message.ClientName, Is.Not.Empty, id);
        Assert.That(message.Inbound, Is.Null, id);
        switch (message.Status)
        {
            case MessageStatus.Queued:
                Assert.That(message.NextAttemptAt, Is.Not.Null, id);
                Assert.That((message.ProviderMessageId, message.SentAt), Is.EqualTo(((string?)null, (DateTimeOffset?)null)), id);
                break;
            case MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Read:
                Assert.That(message.ProviderMessageId, Is.Not.Null, id);
                Assert.That(message.SentAt, Is.GreaterThan(message.CreatedAt), id);
                Assert.That(message.Attempts, Is.GreaterThanOrEqualTo(1), id);
                Assert.That((message.ErrorCode, message.NextAttemptAt), Is.EqualTo(((string?)null, (DateTimeOffset?)null)), id);
                break;
            case MessageStatus.Failed or MessageStatus.Undelivered:
                Assert.That(message.ErrorCode, Is.Not.Null, id);
                Assert.That(message.ErrorReason, Is.Not.Null, id);
                Assert.That(message.Attempts, Is.GreaterThanOrEqualTo(1), id);
                Assert.That(message.NextAttemptAt, Is.Null, id);
                break;
            default:
                Assert.Fail($"{id}: unexpected outbound status {message.Status}");
                break;
        }
    }
}
