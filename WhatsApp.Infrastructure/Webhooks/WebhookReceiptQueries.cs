using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Infrastructure.Webhooks;

internal sealed class WebhookReceiptQueries(IDbContextFactory<WhatsAppDbContext> contexts) : IWebhookReceiptQueries
{
    public async Task<IReadOnlyList<WebhookReceipt>> ListUnprocessedAsync(int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WebhookReceipts.AsNoTracking()
            .Where(r => r.Outcome == WebhookOutcome.Unprocessed)
            .OrderBy(r => r.ReceivedAt)
            .Take(limit)
            .ToListAsync(ct);
    }
}
