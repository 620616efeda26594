namespace WhatsApp.Domain.Contacts;

/// <summary>How far one user has read one conversation: what arrived after <see cref="ReadAt"/> is unread to them.</summary>
public sealed class ConversationRead
{
    private ConversationRead()
    {
        User = Contact = string.Empty;
    }

    public string User { get; private set; }

    public string Contact { get; private set; }

    public DateTimeOffset ReadAt { get; private set; }

    public static ConversationRead Of(string user, string contact, DateTimeOffset at) => new() { User = user, Contact = contact, ReadAt = at };
}
