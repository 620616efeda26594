using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Persistence.Configurations;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Infrastructure.Persistence;

internal sealed class MessageRepository(IDbContextFactory<WhatsAppDbContext> contexts, WriteQueue writes) : IMessageRepository
{
    public Task AddAsync(Message message, IdempotencyRecord? idempotency, CancellationToken ct) =>
        writes.ExecuteAsync((WriteSession session, CancellationToken token) => AddAsync(session, message, idempotency, token), ct);

    private static async Task<bool> AddAsync(WriteSession session, Message message, IdempotencyRecord? idempotency, CancellationToken ct)
    {
        // The key first: a request that lost the race for it writes nothing (the queue rolls back its savepoint).
        if (idempotency is not null && await session.Insert(idempotency, null).ExecuteNonQueryAsync(ct) == 0)
        {
            throw new DuplicateIdempotencyKeyException(idempotency.Key);
        }

        var searchText = (MessageConfiguration.SearchText, (object?)WhatsAppDbContext.SearchTextOf(message.Content.Text));
        if (await session.Insert(message, null, searchText).ExecuteNonQueryAsync(ct) == 0)
        {
            throw new InvalidOperationException($"Message {message.Id} is already stored.");
        }

        await ConversationSummary.RecordAsync(session, message, ct);
        return true;
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
