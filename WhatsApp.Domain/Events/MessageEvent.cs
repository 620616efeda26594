using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Events;

/// <summary>
/// Something that happened to a message, recorded in the same unit of work as the change itself, so a crash can neither
/// lose it nor invent one for a change that rolled back. Its id is the <c>webhook-id</c> of every delivery of it.
/// </summary>
public sealed class MessageEvent
{
    private MessageEvent()
    {
        Type = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; }

    /// <summary>The message it is about; null for <c>webhook.test</c>.</summary>
    public Guid? MessageId { get; private set; }

    /// <summary>The customer's number, which orders a contact's events for an endpoint.</summary>
    public string? Contact { get; private set; }

    /// <summary>Our number that sent or received the message, which endpoints may filter on.</summary>
    public string? Sender { get; private set; }

    /// <summary>The status the change reached.</summary>
    public MessageStatus? Status { get; private set; }

    /// <summary>
    /// Grows with each event of a message (a message's status only ever moves forward: <see cref="MessageStatusRules.Rank"/>),
    /// so a receiver can drop an event older than one it already handled.
    /// </summary>
    public int Sequence { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Whether the endpoints subscribed to it have their deliveries.</summary>
    public bool FannedOut { get; private set; }

    /// <summary>A message that reached <paramref name="status"/>; null when that status makes no event.</summary>
    public static MessageEvent? Of(Guid messageId, string contact, string sender, MessageStatus status, DateTimeOffset at) =>
        EventTypes.For(status) is { } type
            ? new MessageEvent
            {
                Id = Guid.CreateVersion7(at),
                Type = type,
                MessageId = messageId,
                Contact = contact,
                Sender = sender,
                Status = status,
                Sequence = MessageStatusRules.Rank(status),
                CreatedAt = at,
            }
            : null;

    public static MessageEvent Of(Message message, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = message.Direction == MessageDirection.Inbound ? message.To : message.From;
        return Of(message.Id, message.Contact, sender, message.Status, at)
            ?? throw new InvalidOperationException($"A {message.Status} message makes no event.");
    }

    /// <summary>A <c>webhook.test</c> event, made for one endpoint (<see cref="WebhookEndpoints.TestAsync"/>), so never fanned out.</summary>
    public static MessageEvent Test(DateTimeOffset at) => new() { Id = Guid.CreateVersion7(at), Type = EventTypes.Test, CreatedAt = at, FannedOut = true };
}
