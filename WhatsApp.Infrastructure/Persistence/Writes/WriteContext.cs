using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Persistence.Configurations;
using WhatsApp.Infrastructure.Privacy;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// The typed writes of a unit of work (<see cref="IWriteContext"/>) over one <see cref="WriteSession"/>: inserts from
/// the EF model (<see cref="RowInsert"/>), EF Core for reads and conditional updates, and the few statements of
/// <see cref="WriteSql"/>. Nothing outside persistence sees how.
/// </summary>
internal sealed partial class WriteContext(WriteSession session) : IWriteContext
{
    /// <summary>The session underneath, for persistence's own tests.</summary>
    internal WriteSession Session => session;

    // EF Core runs commands of its own, which must not overtake deferred writes: every operation through it awaits
    // Flushed first, and this throws if one forgot.
    private WhatsAppDbContext Db => session.HasDeferred
        ? throw new InvalidOperationException("Deferred writes wait: await Flushed before EF Core runs.")
        : session.Db;

    private Task Flushed(CancellationToken ct) => session.FlushAsync(ct);

    public Task<Contact?> FindContactAsync(string number, CancellationToken ct) => session.FindAsync<Contact>(number, forUpdate: true, ct);

    public async Task AddContactAsync(Contact contact, CancellationToken ct)
    {
        if (await session.InsertAsync(contact, null, ct) == 0)
        {
            throw new ConcurrentWriteException($"Contact {ContactMask.Mask(contact.Number)} was created by another writer.");
        }
    }

    public Task UpdateContactAsync(Contact contact, CancellationToken ct) => session.DeferAsync(session.InsertCommand(contact, RowInsert.ReplaceRow), ct);

    public async Task<bool> TryAddMessageAsync(Message message, CancellationToken ct) =>
        await session.InsertAsync(message, null, ct, (MessageConfiguration.SearchText, WhatsAppDbContext.SearchTextOf(message.Content.Text))) > 0;

    public async Task<bool> TryAddIdempotencyKeyAsync(IdempotencyRecord record, CancellationToken ct) =>
        await session.InsertAsync(record, null, ct) > 0;

    public async Task<bool> HasContentAsync(Guid messageId, CancellationToken ct)
    {
        await Flushed(ct);
        return await Db.Messages.AnyAsync(m => m.Id == messageId && (m.Content.Text != null || m.Content.MediaUrl != null
            || m.Content.Template != null || m.Content.Interactive != null || m.Content.Location != null), ct);
    }

    public async Task<OutboundMessageState?> FindOutboundAsync(string providerMessageId, CancellationToken ct)
    {
        await Flushed(ct);
        return await Db.Messages
            .Where(m => m.ProviderMessageId == providerMessageId && m.Direction == MessageDirection.Outbound)
            .Select(m => new OutboundMessageState(m.Id, m.Status, m.Contact, m.From))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<bool> ChangeStatusAsync(Guid messageId, StatusChange change, DateTimeOffset now, CancellationToken ct)
    {
        var failed = change.IsFailure;
        var from = change.From;
        var clearFrom = change.ClearErrorFrom;
        await Flushed(ct);
        return await Db.Messages
            .Where(m => m.Id == messageId && from.Contains(m.Status))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, change.To)
                    .SetProperty(m => m.UpdatedAt, now)
                    .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null)
                    .SetProperty(m => m.ErrorCode, m => failed ? change.ErrorCode : clearFrom.Contains(m.Status) ? null : m.ErrorCode)
                    .SetProperty(m => m.ErrorReason, m => failed ? change.ErrorReason : clearFrom.Contains(m.Status) ? null : m.ErrorReason),
                ct) == 1;
    }

    public Task ClaimProviderIdAsync(Guid messageId, string providerMessageId, CancellationToken ct) =>
        session.Sql<Message>(WriteSql.ClaimProviderIdByRef)
            .Set("@provider_id", nameof(Message.ProviderMessageId), providerMessageId)
            .Set("@id", nameof(Message.Id), messageId)
            .Set("@outbound", nameof(Message.Direction), MessageDirection.Outbound)
            .ExecuteAsync(ct);

    public Task SetConversationAsync(string providerMessageId, ConversationInfo conversation, CancellationToken ct) =>
        session.Sql<Message>(WriteSql.SetConversation)
            .Set("@conversation", nameof(Message.Conversation), conversation)
            .Set("@provider_id", nameof(Message.ProviderMessageId), providerMessageId)
            .Set("@outbound", nameof(Message.Direction), MessageDirection.Outbound)
            .ExecuteAsync(ct);
}

/// <summary>Another writer's transaction made this work's premise false (a row it found missing now exists): run it again.</summary>
internal sealed class ConcurrentWriteException(string message) : Exception(message);
