using WhatsApp.Domain.Messages;

namespace WhatsApp.Tests.Builders;

/// <summary>Builds queued outbound messages; defaults to a text to +14155552671 from +14155550100.</summary>
public sealed class MessageBuilder
{
    public const string DefaultFrom = "+14155550100";
    public const string DefaultTo = "+14155552671";
    public const string DefaultClient = "test-client";

    private Guid _id = Guid.NewGuid();
    private string _from = DefaultFrom;
    private string _to = DefaultTo;
    private MessageType _type = MessageType.Text;
    private MessageContent _content = MessageContent.ForText("Hello from the tests");
    private string _clientName = DefaultClient;
    private DateTimeOffset _createdAt = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public MessageBuilder WithId(Guid id)
    {
        _id = id;
        return this;
    }

    public MessageBuilder From(string from)
    {
        _from = from;
        return this;
    }

    public MessageBuilder To(string to)
    {
        _to = to;
        return this;
    }

    public MessageBuilder WithContent(MessageType type, MessageContent content)
    {
        _type = type;
        _content = content;
        return this;
    }

    public MessageBuilder ForClient(string clientName)
    {
        _clientName = clientName;
        return this;
    }

    public MessageBuilder CreatedAt(DateTimeOffset createdAt)
    {
        _createdAt = createdAt;
        return this;
    }

    public Message Build() => Message.CreateOutbound(_id, _from, _to, _type, _content, _clientName, _createdAt);

    /// <summary>A message that has just been handed to the provider.</summary>
    public Message BuildSending()
    {
        var message = Build();
        message.MarkSending(_createdAt);
        return message;
    }
}
