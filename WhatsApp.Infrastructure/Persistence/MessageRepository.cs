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

    public async Task<IReadOnlyList<MessageStatusEvent>> GetStatusHistoryAsync(Guid messageId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.StatusEvents.AsNoTracking()
            .Where(e => e.MessageId == messageId)
            .OrderBy(e => e.ReceivedAt)
            .ToListAsync(ct);
    }
}
