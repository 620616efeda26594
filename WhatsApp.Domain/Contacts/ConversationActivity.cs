namespace WhatsApp.Domain.Contacts;

/// <summary>
/// What support staff did in a conversation, with who and when: a note (never sent to the customer), a resolve, a
/// reopen, an assignment or an erasure. Shown in the thread beside the messages.
/// </summary>
public sealed class ConversationActivity
{
    /// <summary>Notes are for colleagues; the same bound as a WhatsApp text.</summary>
    public const int NoteMaxLength = 4096;

    private ConversationActivity()
    {
        Contact = Actor = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Contact { get; private set; }

    public ConversationActivityKind Kind { get; private set; }

    /// <summary>The signed-in user (their email) or the API key's name that acted.</summary>
    public string Actor { get; private set; }

    /// <summary>A note's text, or the agent assigned; null once erased with the contact's data.</summary>
    public string? Text { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ConversationActivity Of(string contact, ConversationActivityKind kind, string actor, string? text, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contact);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new ConversationActivity { Id = Guid.CreateVersion7(at), Contact = contact, Kind = kind, Actor = actor, Text = text, CreatedAt = at };
    }
}

public enum ConversationActivityKind
{
    Note,
    Resolved,
    Reopened,
    Assigned,
    Unassigned,
    Erased,
}

public enum ConversationState
{
    Open,
    Resolved,
}
