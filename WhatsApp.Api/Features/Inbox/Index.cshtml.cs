using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Features.History;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>The conversation list, newest activity first; the list alone (<c>?handler=List</c>) is what live updates fetch.</summary>
public sealed class IndexModel(HistoryService history, IValidator<ConversationListQuery> validator) : InboxPage
{
    [BindProperty(SupportsGet = true, Name = "window")]
    public string? Window { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public PageResponse<ConversationSummaryResponse> Conversations { get; private set; } = new([], null);

    public string ListUrl => "/inbox?handler=List" + (Window is null ? "" : "&window=" + Uri.EscapeDataString(Window))
        + (Cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(Cursor));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct) => await LoadAsync(ct) ?? Partial("_ConversationList", this);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var query = new ConversationListQuery { Window = Window, Cursor = Cursor };
        var result = await validator.ValidateAsync(query, ct);
        if (!result.IsValid)
        {
            return BadParameter(result.Errors[0].PropertyName.ToLowerInvariant(), result.Errors[0].ErrorMessage);
        }

        Conversations = await history.ConversationsAsync(query, ct);
        return null;
    }
}
