using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhatsApp.Api.Paging;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;
using WhatsApp.Domain.Services;
using WhatsApp.Infrastructure.Users;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>
/// One conversation: the thread, the contact and the composer. A reply goes through the same send use case as
/// <c>POST /api/messages</c>, within the same limits, recorded with the agent as <c>sent_by</c>.
/// </summary>
public sealed partial class ConversationModel(
    IHistoryReader history,
    IContactRepository contacts,
    MessageSendingService sending,
    ISenderDirectory senders,
    ConversationActions actions,
    ContentErasure erasure,
    InboxUsers users,
    TimeProvider time) : PageModel
{
    private const int ThreadLength = 50;

    [FromRoute(Name = "contact")]
    public string Contact { get; set; } = string.Empty;

    /// <summary>A cursor to older messages (the thread's <c>Older</c> link).</summary>
    [BindProperty(SupportsGet = true, Name = "before")]
    public string? Before { get; set; }

    public Contact? Summary { get; private set; }

    /// <summary>The latest messages, oldest first, as a thread reads, with staff's notes and actions among them.</summary>
    public IReadOnlyList<ThreadItem> Thread { get; private set; } = [];

    /// <summary>Whom the conversation can be assigned to.</summary>
    public IReadOnlyList<InboxUser> Agents { get; private set; } = [];

    /// <summary>The cursor to the messages before these; null when these are the first.</summary>
    public string? Older { get; private set; }

    public bool WindowOpen { get; private set; }

    public DateTimeOffset? WindowClosesAt { get; private set; }

    /// <summary>What was wrong with the last reply; shown beside the composer.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string ThreadUrl => $"/inbox/conversations/{Uri.EscapeDataString(Contact)}?handler=Thread";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct, markRead: true) ?? await PageAsync(ct);

    public async Task<IActionResult> OnGetThreadAsync(CancellationToken ct) => await LoadAsync(ct, markRead: true) ?? Partial("_Thread", this);

    public Task<IActionResult> OnPostReplyAsync(string? body, CancellationToken ct) =>
        SendAsync(from => Composer.Text(from, Contact, body, this.UserEmail()), ct);

    /// <summary>A template, the only thing WhatsApp lets a business send once the window has closed.</summary>
    public Task<IActionResult> OnPostTemplateAsync(string? name, string? language, string? parameters, CancellationToken ct) =>
        SendAsync(from => Composer.Template(from, Contact, name, language, parameters, this.UserEmail()), ct);

    private async Task<IActionResult> SendAsync(Func<string, (SendMessageCommand? Command, string? Problem)> compose, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } bad)
        {
            return bad;
        }

        // The reply goes from the number the customer wrote to, while it is still one of ours.
        var (command, problem) = compose(Summary is { } s && senders.IsConfigured(s.OurNumber) ? s.OurNumber : senders.DefaultSender);
        if (command is null)
        {
            Problems = [problem!];
            return await PageAsync(ct);
        }

        try
        {
            await sending.AcceptAsync(command, ct);
        }
        catch (DomainException ex) when (ex is WindowClosedException or ConflictException)
        {
            Problems = [ex.Message];
            return await PageAsync(ct);
        }

        // Post, redirect, get: a reload does not send it again.
        return RedirectToPage(new { contact = Contact });
    }

    // The route's number and the thread's cursor, checked before anything is read or done.
    private IActionResult? Check(out MessageCursor? before)
    {
        before = null;
        return !PhoneNumber.IsE164(Contact) ? this.BadParameter("contact", "Must be a number in E.164 form (+14155550100).")
            : Before is not null && !CursorCodec.TryDecode(Before, out before) ? this.BadParameter("before", "Is not a cursor this thread gave out.")
            : null;
    }

    // The whole page also offers the agents to assign to; the thread alone (live updates) does not need them.
    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Agents = await users.EnabledAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool markRead = false)
    {
        if (Check(out var before) is { } bad)
        {
            return bad;
        }

        Summary = await contacts.FindAsync(Contact, ct);
        var rows = await history.SearchAsync(new MessageFilter { Contact = Contact }, before is null ? null : before with { Newer = false }, ThreadLength + 1, ct);
        var page = rows.Take(ThreadLength).ToList();
        Older = rows.Count > ThreadLength ? CursorCodec.Encode(new MessageCursor(page[^1].Id)) : null;
        page.Reverse();

        // Staff's activity since the oldest message shown (all of it once the thread is complete), in time order.
        var activity = await history.ActivityAsync(Contact, Older is null ? null : page[0].CreatedAt, ct);
        Thread = ThreadItem.Merge(page, activity);
        if (markRead && Summary is not null && before is null)
        {
            await actions.MarkReadAsync(Contact, this.UserEmail(), ct);
        }

        WindowOpen = CustomerServiceWindow.IsOpen(Summary?.LastInboundAt, time.GetUtcNow());
        WindowClosesAt = CustomerServiceWindow.ClosesAt(Summary?.LastInboundAt);
        return null;
    }
}
