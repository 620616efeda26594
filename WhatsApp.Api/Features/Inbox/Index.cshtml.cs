using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhatsApp.Api.Paging;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>
/// The conversation list, newest activity first, with the filters support works by (state, assignee, needs reply,
/// window) and unread counts for the signed-in user; or, with a search (text, contact, direction, status, dates), the
/// matching messages. The list
/// alone (<c>?handler=List</c>) is what live updates fetch.
/// </summary>
public sealed class IndexModel(IHistoryReader history, TimeProvider time) : PageModel
{
    private const int PageSize = 50;

    /// <summary>open (the default), resolved or all.</summary>
    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    /// <summary>me, unassigned, or anyone (the default).</summary>
    [BindProperty(SupportsGet = true, Name = "assignee")]
    public string? Assignee { get; set; }

    [BindProperty(SupportsGet = true, Name = "needs_reply")]
    public bool NeedsReply { get; set; }

    [BindProperty(SupportsGet = true, Name = "window")]
    public string? Window { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "contact")]
    public string? Contact { get; set; }

    [BindProperty(SupportsGet = true, Name = "direction")]
    public string? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "created_from")]
    public string? CreatedFrom { get; set; }

    [BindProperty(SupportsGet = true, Name = "created_to")]
    public string? CreatedTo { get; set; }

    /// <summary>The message search this page shows, when any of its fields is set.</summary>
    public InboxSearch Search => new(Query, Contact, Direction, Status, CreatedFrom, CreatedTo);

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public IReadOnlyList<ConversationRow> Conversations { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Unread { get; private set; } = new Dictionary<string, int>();

    /// <summary>With a <see cref="Search"/>: the messages that match it, newest first.</summary>
    public IReadOnlyList<Message> Matches { get; private set; } = [];

    /// <summary>The cursor to the next page; null on the last.</summary>
    public string? Next { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string ListUrl => ListLink("List", Cursor);

    /// <summary>This list's address with its filters, for a page of <paramref name="handler"/> or another cursor.</summary>
    public string ListLink(string? handler, string? cursor, (string Name, string? Value)? change = null)
    {
        var values = new List<(string, string?)>
        {
            ("handler", handler), ("state", State), ("assignee", Assignee), ("needs_reply", NeedsReply ? "true" : null),
            ("window", Window), ("cursor", cursor),
        };
        values.AddRange(Search.Parameters());
        if (change is { } c)
        {
            values = values.Select(v => v.Item1 == c.Name ? (c.Name, c.Value) : v).ToList();
        }

        return "/inbox" + QueryString(values);
    }

    /// <summary>The search's messages as CSV (admins).</summary>
    public string ExportLink => "/inbox/export" + QueryString(Search.Parameters());

    private static string QueryString(IEnumerable<(string Name, string? Value)> values)
    {
        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!)}"));
        return query.Length > 0 ? "?" + query : string.Empty;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct) => await LoadAsync(ct) ?? Partial("_ConversationList", this);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if ((InboxFilters.Problem(State, Assignee, Window) ?? Search.Problem()) is { } problem)
        {
            return this.BadParameter(problem.Name, problem.Message);
        }

        Now = time.GetUtcNow();
        if (!Search.IsEmpty)
        {
            return await SearchAsync(ct);
        }

        ConversationCursor? cursor = null;
        if (Cursor is not null && !CursorCodec.TryDecode(Cursor, out cursor))
        {
            return this.BadParameter("cursor", "Is not a cursor this list gave out.");
        }

        var filter = InboxFilters.ToFilter(State, Assignee, NeedsReply, Window, this.UserEmail());
        var rows = await history.ConversationsAsync(filter, cursor, PageSize + 1, Now, ct);
        Conversations = rows.Take(PageSize).ToList();
        Next = rows.Count > PageSize ? CursorCodec.Encode(new ConversationCursor(Conversations[^1].LastMessageAt, Conversations[^1].Contact)) : null;
        Unread = await history.UnreadAsync(this.UserEmail(), Conversations, ct);
        return null;
    }

    private async Task<IActionResult?> SearchAsync(CancellationToken ct)
    {
        MessageCursor? cursor = null;
        if (Cursor is not null && !CursorCodec.TryDecode(Cursor, out cursor))
        {
            return this.BadParameter("cursor", "Is not a cursor this list gave out.");
        }

        var rows = await history.SearchAsync(Search.ToFilter(), cursor, PageSize + 1, ct);
        Matches = rows.Take(PageSize).ToList();
        Next = rows.Count > PageSize ? CursorCodec.Encode(new MessageCursor(Matches[^1].Id)) : null;
        return null;
    }
}
