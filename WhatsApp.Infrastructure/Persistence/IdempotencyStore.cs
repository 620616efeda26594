using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence;

internal sealed class IdempotencyStore(IDbContextFactory<WhatsAppDbContext> contexts) : IIdempotencyStore
{
    public async Task<IdempotencyRecord?> FindAsync(string clientName, string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ClientName == clientName && r.Key == key, ct);
    }

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
