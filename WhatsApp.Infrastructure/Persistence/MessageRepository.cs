using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence;

internal sealed class MessageRepository(IDbContextFactory<WhatsAppDbContext> contexts) : IMessageRepository
{
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

    public async Task<IReadOnlyDictionary<Guid, (Message Message, IReadOnlyList<MessageStatusEvent> History)>> FindWithHistoryAsync(
        IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, (Message, IReadOnlyList<MessageStatusEvent>)>();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var messages = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        var history = (await db.StatusEvents.AsNoTracking()
                .Where(e => e.MessageId != null && ids.Contains(e.MessageId.Value))
                .OrderBy(e => e.ReceivedAt)
                .ToListAsync(ct))
            .ToLookup(e => e.MessageId!.Value);
        return messages.ToDictionary(m => m.Id, m => (m, (IReadOnlyList<MessageStatusEvent>)history[m.Id].ToList()));
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
