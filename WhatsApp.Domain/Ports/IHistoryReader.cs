using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Ports;

/// <summary>Read side for support staff. Lists are keyset-paged so a page costs the same at any depth.</summary>
public interface IHistoryReader
{
    /// <summary>Up to <paramref name="take"/> messages matching the filter, newest first, after the cursor.</summary>
    Task<IReadOnlyList<Message>> SearchAsync(MessageFilter filter, MessageCursor? cursor, int take, CancellationToken ct);

    /// <summary>Every matching message, newest first, streamed.</summary>
    IAsyncEnumerable<Message> ExportAsync(MessageFilter filter, CancellationToken ct);

    /// <summary>Up to <paramref name="take"/> contacts, most recent activity first, after the cursor.</summary>
    Task<IReadOnlyList<ConversationRow>> ConversationsAsync(
        ConversationFilter filter, ConversationCursor? cursor, int take, DateTimeOffset now, CancellationToken ct);

    /// <summary>What staff did in the conversation from <paramref name="from"/> on (all of it when null), oldest first.</summary>
    Task<IReadOnlyList<ConversationActivity>> ActivityAsync(string contact, DateTimeOffset? from, CancellationToken ct);

    /// <summary>Staff's activity in every conversation made since <paramref name="since"/> (after <paramref name="after"/>), in id order: the inbox's live updates.</summary>
    Task<IReadOnlyList<ConversationActivity>> ActivitySinceAsync(DateTimeOffset since, Guid? after, int limit, CancellationToken ct);

    /// <summary>For each of <paramref name="conversations"/>, how many of the customer's messages <paramref name="user"/> has not read.</summary>
    Task<IReadOnlyDictionary<string, int>> UnreadAsync(string user, IReadOnlyList<ConversationRow> conversations, CancellationToken ct);
}
