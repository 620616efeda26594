using WhatsApp.Domain.Contacts;

namespace WhatsApp.Domain.Ports;

/// <summary>What support staff write about a conversation (<see cref="ConversationActions"/>).</summary>
public interface IConversationWrites
{
    Task AddActivityAsync(ConversationActivity activity, CancellationToken ct);

    /// <summary>Stores how far the user has read, replacing what was stored.</summary>
    Task MarkReadAsync(ConversationRead read, CancellationToken ct);
}
