using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>One line of a conversation's thread: a message, or something staff did (a note, a resolve, an assignment).</summary>
public sealed record ThreadItem(DateTimeOffset At, Message? Message, ConversationActivity? Activity)
{
    /// <summary>Messages and activity in one time order; a message and an activity at the same instant keep that order.</summary>
    public static IReadOnlyList<ThreadItem> Merge(IReadOnlyList<Message> messages, IReadOnlyList<ConversationActivity> activity) =>
        messages.Select(m => new ThreadItem(m.CreatedAt, m, null))
            .Concat(activity.Select(a => new ThreadItem(a.CreatedAt, null, a)))
            .OrderBy(i => i.At)
            .ToList();
}
