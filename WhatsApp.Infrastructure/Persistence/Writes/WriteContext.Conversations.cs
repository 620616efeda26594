using WhatsApp.Domain.Contacts;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>What support staff write about a conversation: activity rows, and how far each has read.</summary>
internal sealed partial class WriteContext
{
    public Task AddActivityAsync(ConversationActivity activity, CancellationToken ct) => session.DeferAsync(session.InsertCommand(activity, null), ct);

    public Task MarkReadAsync(ConversationRead read, CancellationToken ct) => session.DeferAsync(session.InsertCommand(read, RowInsert.ReplaceRow), ct);
}
