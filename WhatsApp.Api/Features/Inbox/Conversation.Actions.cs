using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Auth;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Contacts;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>What staff do to a conversation from its page; each action is recorded with who did it and when.</summary>
public sealed partial class ConversationModel
{
    public Task<IActionResult> OnPostResolveAsync(CancellationToken ct) =>
        ActAsync(() => actions.ResolveAsync(Contact, this.UserEmail(), ct), ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        ActAsync(() => actions.ReopenAsync(Contact, this.UserEmail(), ct), ct);

    /// <summary><paramref name="agent"/>: <c>me</c>, another enabled user's email, or empty for nobody.</summary>
    public async Task<IActionResult> OnPostAssignAsync(string? agent, CancellationToken ct)
    {
        string? assignee = null;
        if (agent == "me")
        {
            assignee = this.UserEmail();
        }
        else if (!string.IsNullOrEmpty(agent))
        {
            var user = await users.FindByEmailAsync(agent);
            if (user is null || user.Disabled)
            {
                return this.BadParameter("agent", "Must be me, an enabled user's email, or empty for nobody.");
            }

            assignee = user.Email;
        }

        return await ActAsync(() => actions.AssignAsync(Contact, assignee, this.UserEmail(), ct), ct);
    }

    /// <summary>A note for colleagues: stored and shown in the thread, never sent to the customer.</summary>
    public async Task<IActionResult> OnPostNoteAsync(string? note, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note) || note.Length > ConversationActivity.NoteMaxLength)
        {
            return await ProblemAsync($"A note needs text, at most {ConversationActivity.NoteMaxLength} characters.", ct);
        }

        return await ActAsync(() => actions.AddNoteAsync(Contact, this.UserEmail(), note.Trim(), ct), ct);
    }

    /// <summary>Admins only: erases what the customer and staff wrote, once the number is typed to confirm it.</summary>
    public async Task<IActionResult> OnPostEraseAsync(string? confirm, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        if (!string.Equals(confirm?.Trim(), Contact, StringComparison.Ordinal))
        {
            return await ProblemAsync($"Type the number {Contact} to confirm the erasure.", ct);
        }

        return await ActAsync(() => erasure.EraseContactAsync(Contact, this.UserEmail(), ct), ct);
    }

    // The action needs only a well-formed number; the page is read again after the redirect (or to show a problem).
    private async Task<IActionResult> ActAsync(Func<Task> act, CancellationToken ct)
    {
        if (Check(out _) is { } bad)
        {
            return bad;
        }

        try
        {
            await act();
        }
        catch (NotFoundException)
        {
            return await ProblemAsync("There is no conversation with this number yet.", ct);
        }

        return RedirectToPage(new { contact = Contact });
    }

    private async Task<IActionResult> ProblemAsync(string problem, CancellationToken ct)
    {
        var bad = await LoadAsync(ct);
        Problems = [problem];
        return bad ?? await PageAsync(ct);
    }
}
