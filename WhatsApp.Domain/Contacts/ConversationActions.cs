using WhatsApp.Domain.Common;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Contacts;

/// <summary>
/// What support staff do to a conversation: resolve, reopen, assign, note, read. Each change and its activity (who,
/// when) are written in one unit of work; a change to what is already so writes nothing.
/// </summary>
public sealed class ConversationActions(IUnitOfWork unitOfWork, TimeProvider time)
{
    public Task<bool> ResolveAsync(string contact, string actor, CancellationToken ct) =>
        ChangeAsync(contact, actor, c => c.MoveTo(ConversationState.Resolved) ? (ConversationActivityKind.Resolved, null) : null, ct);

    public Task<bool> ReopenAsync(string contact, string actor, CancellationToken ct) =>
        ChangeAsync(contact, actor, c => c.MoveTo(ConversationState.Open) ? (ConversationActivityKind.Reopened, null) : null, ct);

    /// <summary>Assigns to <paramref name="agent"/> (an agent's email), or to nobody when null.</summary>
    public Task<bool> AssignAsync(string contact, string? agent, string actor, CancellationToken ct) =>
        ChangeAsync(
            contact,
            actor,
            c => !c.AssignTo(agent) ? null : agent is null ? (ConversationActivityKind.Unassigned, null) : (ConversationActivityKind.Assigned, agent),
            ct);

    /// <summary>A note for colleagues, shown in the thread and never sent to the customer.</summary>
    public async Task AddNoteAsync(string contact, string actor, string text, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.Length > ConversationActivity.NoteMaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(text), $"A note holds at most {ConversationActivity.NoteMaxLength} characters.");
        }

        var now = time.GetUtcNow();
        await unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                _ = await writes.FindContactAsync(contact, token) ?? throw new NotFoundException("Conversation", contact);
                await writes.AddActivityAsync(ConversationActivity.Of(contact, ConversationActivityKind.Note, actor, text, now), token);
                return true;
            },
            ct);
    }

    /// <summary>Everything in the conversation up to now is read by <paramref name="user"/>.</summary>
    public Task MarkReadAsync(string contact, string user, CancellationToken ct)
    {
        var read = ConversationRead.Of(user, contact, time.GetUtcNow());
        return unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                await writes.MarkReadAsync(read, token);
                return true;
            },
            ct);
    }

    private Task<bool> ChangeAsync(
        string contact, string actor, Func<Contact, (ConversationActivityKind Kind, string? Text)?> change, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = time.GetUtcNow();
        return unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                var found = await writes.FindContactAsync(contact, token) ?? throw new NotFoundException("Conversation", contact);
                if (change(found) is not { } activity)
                {
                    return false;
                }

                await writes.UpdateContactAsync(found, token);
                await writes.AddActivityAsync(ConversationActivity.Of(contact, activity.Kind, actor, activity.Text, now), token);
                return true;
            },
            ct);
    }
}
