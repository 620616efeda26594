using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhatsApp.Api.Paging;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>The conversation list, newest activity first; the list alone (<c>?handler=List</c>) is what live updates fetch.</summary>
public sealed class IndexModel(IHistoryReader history, TimeProvider time) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "window")]
    public string? Window { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public IReadOnlyList<ConversationRow> Conversations { get; private set; } = [];

    /// <summary>The cursor to the next page; null on the last.</summary>
    public string? Next { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string ListUrl => "/inbox?handler=List" + (Window is null ? "" : "&window=" + Uri.EscapeDataString(Window))
        + (Cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(Cursor));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct) => await LoadAsync(ct) ?? Partial("_ConversationList", this);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Window is not (null or "open" or "closed"))
        {
            return this.BadParameter("window", "Must be open or closed.");
        }

        ConversationCursor? cursor = null;
        if (Cursor is not null && !CursorCodec.TryDecode(Cursor, out cursor))
        {
            return this.BadParameter("cursor", "Is not a cursor this list gave out.");
        }

        Now = time.GetUtcNow();
        var filter = new ConversationFilter { WindowOpen = Window switch { "open" => true, "closed" => false, _ => null } };
        var rows = await history.ConversationsAsync(filter, cursor, PageSize + 1, Now, ct);
        Conversations = rows.Take(PageSize).ToList();
        Next = rows.Count > PageSize ? CursorCodec.Encode(new ConversationCursor(Conversations[^1].LastMessageAt, Conversations[^1].Contact)) : null;
        return null;
    }
}
