using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence;

internal sealed class MessageRepository(IDbContextFactory<WhatsAppDbContext> contexts) : IMessageRepository
{
    public async Task AddAsync(Message message, IdempotencyRecord? idempotency, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);

        // One transaction (immediate on SQLite) so the conversation summary is read and written without a race.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Messages.Add(message);
        if (idempotency is not null)
        {
            db.IdempotencyRecords.Add(idempotency);
        }

        try
        {
            await ConversationSummary.RecordAsync(db, message, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (idempotency is not null && DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new DuplicateIdempotencyKeyException(idempotency.Key, ex);
        }
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
