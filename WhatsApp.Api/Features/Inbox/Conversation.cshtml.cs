using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Features.History;
using WhatsApp.Api.Features.Messages;
using WhatsApp.Api.Features.Messages.Template;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Services;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>
/// One conversation: the thread, the contact and the composer. A reply is validated and sent exactly as
/// <c>POST /api/messages</c> would send it, recorded with the agent as <c>sent_by</c>.
/// </summary>
public sealed class ConversationModel(
    HistoryService history, IContactRepository contacts, MessageSendingService sending, IValidator<SendMessageRequest> validator,
    IValidator<TimelineQuery> timelineValidator, ISenderDirectory senders, TimeProvider time) : InboxPage
{
    public const string ClientName = "inbox";
    private const int ThreadLength = 50;

    [FromRoute(Name = "contact")]
    public string Contact { get; set; } = string.Empty;

    /// <summary>A cursor to older messages (the thread's <c>Older</c> link).</summary>
    [BindProperty(SupportsGet = true, Name = "before")]
    public string? Before { get; set; }

    public Contact? Summary { get; private set; }

    /// <summary>The latest messages, oldest first, as a thread reads.</summary>
    public IReadOnlyList<MessageListItem> Thread { get; private set; } = [];

    /// <summary>The cursor to the messages before these; null when these are the first.</summary>
    public string? Older { get; private set; }

    public bool WindowOpen { get; private set; }

    public DateTimeOffset? WindowClosesAt { get; private set; }

    /// <summary>What was wrong with the last reply, by field; shown beside the composer.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string ThreadUrl => $"/inbox/conversations/{Uri.EscapeDataString(Contact)}?handler=Thread";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetThreadAsync(CancellationToken ct) => await LoadAsync(ct) ?? Partial("_Thread", this);

    public Task<IActionResult> OnPostReplyAsync(string? body, CancellationToken ct) =>
        SendAsync(new SendMessageRequest { To = Contact, Type = MessageTypes.Text, Message = body }, ct);

    /// <summary>A template, the only thing WhatsApp lets a business send once the window has closed.</summary>
    public Task<IActionResult> OnPostTemplateAsync(string? name, string? language, string? parameters, CancellationToken ct)
    {
        var values = (parameters ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var components = values.Length == 0 ? null : new[]
        {
            new TemplateComponentRequest { Type = "body", Parameters = values.Select(v => new TemplateParameterRequest { Type = "text", Text = v }).ToList() },
        };
        return SendAsync(new SendMessageRequest
        {
            To = Contact, Type = MessageTypes.Template, Template = new TemplateRequest { Name = name, Language = language, Components = components },
        }, ct);
    }

    private async Task<IActionResult> SendAsync(SendMessageRequest request, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } bad)
        {
            return bad;
        }

        request = request with { From = Summary is { } s && senders.IsConfigured(s.OurNumber) ? s.OurNumber : null };
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            Problems = validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList();
            return Page();
        }

        try
        {
            await sending.AcceptAsync(request.ToCommand(senders.DefaultSender, ClientName, null, null) with { SentBy = UserEmail }, ct);
        }
        catch (DomainException ex) when (ex is WindowClosedException or ConflictException)
        {
            Problems = [ex.Message];
            return Page();
        }

        // Post, redirect, get: a reload does not send it again.
        return RedirectToPage(new { contact = Contact });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!PhoneNumber.IsE164(Contact))
        {
            return BadParameter("contact", "Must be a number in E.164 form (+14155550100).");
        }

        var query = new TimelineQuery { Before = Before, Limit = ThreadLength };
        if (await timelineValidator.ValidateAsync(query, ct) is { IsValid: false } invalid)
        {
            return BadParameter("before", invalid.Errors[0].ErrorMessage);
        }

        Summary = await contacts.FindAsync(Contact, ct);
        var timeline = await history.TimelineAsync(Contact, query, ct);
        Thread = timeline.Items.Reverse().ToList();
        Older = timeline.NextCursor;
        WindowOpen = CustomerServiceWindow.IsOpen(Summary?.LastInboundAt, time.GetUtcNow());
        WindowClosesAt = CustomerServiceWindow.ClosesAt(Summary?.LastInboundAt);
        return null;
    }
}
