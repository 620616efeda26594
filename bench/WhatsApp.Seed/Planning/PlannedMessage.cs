using WhatsApp.Domain.Messages;

namespace WhatsApp.Seed.Planning;

/// <summary>
/// The skeleton of one message: who, when, which way and what kind. Bodies, statuses and ids are filled in while
/// writing, in time order, so a million of these stay small.
/// </summary>
internal struct PlannedMessage
{
    /// <summary>Creation time in Unix milliseconds; unique across the whole history once planned.</summary>
    public long UnixMs;

    /// <summary>Position in generation order; breaks ties so a contact's messages keep their order when sorted.</summary>
    public int Order;

    public int Contact;

    public byte Sender;

    public MessageDirection Direction;

    public MessageType Type;

    /// <summary>Index into <c>TemplateCatalog</c> for outbound templates.</summary>
    public byte Template;

    /// <summary>The first message after a long pause: a new conversation (and a new order being discussed).</summary>
    public bool StartsSession;
}
