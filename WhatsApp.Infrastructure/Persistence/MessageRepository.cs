using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence;

internal sealed class MessageRepository(IDbContextFactory<WhatsAppDbContext> contexts, WriteQueue writes) : IMessageRepository
{
    public Task AddAsync(Message message, IdempotencyRecord? idempotency, CancellationToken ct) =>
        writes.ExecuteAsync(
            async (db, token) =>
            {
                db.Messages.Add(message);
                if (idempotency is not null)
                {
                    db.IdempotencyRecords.Add(idempotency);
                }

                await ConversationSummary.RecordAsync(db, message, token);
                try
                {
                    await db.SaveChangesAsync(token);
                }
                catch (DbUpdateException ex) when (idempotency is not null && DatabaseErrors.IsUniqueViolation(ex))
                {
                    throw new DuplicateIdempotencyKeyException(idempotency.Key, ex);
                }

                return true;
            },
            ct);

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
