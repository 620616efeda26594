using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.History;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>The conversation list's filters as the page's query names them, checked and made into the reader's filter.</summary>
public static class InboxFilters
{
    /// <summary>The history search's own bound on text.</summary>
    public const int QueryMaxLength = 200;

    public static (string Name, string Message)? Problem(string? state, string? assignee, string? window) =>
        state is not (null or "open" or "resolved" or "all") ? ("state", "Must be open, resolved or all.")
        : assignee is not (null or "me" or "unassigned" or "anyone") ? ("assignee", "Must be me, unassigned or anyone.")
        : window is not (null or "open" or "closed") ? ("window", "Must be open or closed.")
        : null;

    public static ConversationFilter ToFilter(string? state, string? assignee, bool needsReply, string? window, string user) => new()
    {
        State = state switch { "resolved" => ConversationState.Resolved, "all" => null, _ => ConversationState.Open },
        AssignedTo = assignee == "me" ? user : null,
        Unassigned = assignee == "unassigned",
        AwaitingReply = needsReply,
        WindowOpen = window switch { "open" => true, "closed" => false, _ => null },
    };
}
