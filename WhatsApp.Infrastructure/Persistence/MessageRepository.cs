using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Infrastructure.Persistence;

internal sealed class MessageRepository(IDbContextFactory<WhatsAppDbContext> contexts, WriteQueue writes) : IMessageRepository
{
    public Task AddAsync(Message message, IdempotencyRecord? idempotency, CancellationToken ct)
    {
        // The rows are converted here, on the request's thread; the single writer only binds and runs them.
        var key = idempotency is null ? null : writes.Prepare(idempotency, null);
        var row = MessageRows.Prepare(writes, message);
        var summary = ConversationSummary.Prepare(writes, message);
        return writes.ExecuteAsync(
            (WriteSession session, CancellationToken token) => AddAsync(session, message, idempotency?.Key, key, row, summary, token), ct);
    }

    private static async Task<bool> AddAsync(
        WriteSession session, Message message, string? idempotencyKey, PreparedRow? key, PreparedRow row, PreparedRow summary, CancellationToken ct)
    {
        if (key is null)
        {
            var written = await session.InsertChainAsync("message", [("message", row, null), ("summary", summary, "message")], ct);
            return written[0] ? true : throw new InvalidOperationException($"Message {message.Id} is already stored.");
        }

        // The key first: a request that lost the race for it writes nothing (and the queue rolls back its savepoint).
        var keyed = await session.InsertChainAsync(
            "message with idempotency key", [("idempotency_key", key, null), ("message", row, "idempotency_key"), ("summary", summary, "message")], ct);
        if (!keyed[0])
        {
            throw new DuplicateIdempotencyKeyException(idempotencyKey!);
        }

        return keyed[1] ? true : throw new InvalidOperationException($"Message {message.Id} is already stored.");
    }

    public Task<bool> TryAddResendAsync(Message resend, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resend);
        if (resend.ResendOf is null)
        {
            throw new ArgumentException("Not a resend.", nameof(resend));
        }

        var row = MessageRows.Prepare(writes, resend);
        var summary = ConversationSummary.Prepare(writes, resend);

        var originalId = resend.ResendOf.Value;
        return writes.ExecuteAsync(
            async (WriteSession session, CancellationToken token) =>
            {
                // The resend's content was copied when it was built: an erasure of the contact committed since then
                // must not be undone by it. Checked in the write's own transaction.
                if (!await session.Db.Messages.AnyAsync(m => m.Id == originalId && (m.Content.Text != null
                    || m.Content.MediaUrl != null || m.Content.Template != null || m.Content.Interactive != null
                    || m.Content.Location != null), token))
                {
                    return false;
                }

                // The id is new, so the only key the insert can meet is the unique resend_of: the original was resent already.
                return (await session.InsertChainAsync("message", [("message", row, null), ("summary", summary, "message")], token))[0];
            },
            ct);
    }

    public async Task<Message?> FindResendOfAsync(Guid originalId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ResendOf == originalId, ct);
    }

    public async Task<Message?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
    }

    public async Task<IReadOnlyList<MessageStatusEvent>> GetStatusHistoryAsync(Guid messageId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.StatusEvents.AsNoTracking()
            .Where(e => e.MessageId == messageId)
            .OrderBy(e => e.ReceivedAt)
            .ToListAsync(ct);
    }
}
