using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>Webhook receipts and nonces, and the status reports they bring.</summary>
internal sealed partial class WriteContext
{
    public async Task<bool> TryTakeNonceAsync(string nonce, DateTimeOffset now, TimeSpan replayWindow, CancellationToken ct)
    {
        var command = session.InsertCommand(new WebhookNonce(WebhookNonce.KeyOf(nonce), now), WriteSql.NonceFirstUse);
        session.Bind<WebhookNonce>(command, "@cutoff", nameof(WebhookNonce.SeenAt), now - replayWindow);
        return await session.ExecuteAsync(command, ct) > 0;
    }

    public Task AddReceiptAsync(WebhookReceipt receipt, CancellationToken ct) => session.DeferAsync(session.InsertCommand(receipt, null), ct);

    public async Task<WebhookReceipt?> FindReceiptAsync(Guid id, CancellationToken ct)
    {
        await Flushed(ct);
        return await Db.WebhookReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    public async Task UpdateReceiptAsync(WebhookReceipt receipt, CancellationToken ct)
    {
        await Flushed(ct);
        await Db.WebhookReceipts.Where(r => r.Id == receipt.Id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Outcome, receipt.Outcome).SetProperty(r => r.ProcessedAt, receipt.ProcessedAt).SetProperty(r => r.Error, receipt.Error),
            ct);
    }

    public async Task<bool> TryAddStatusReportAsync(MessageStatusEvent report, CancellationToken ct) =>
        await session.InsertAsync(report, null, ct) > 0;

    public async Task<bool> HasWaitingReportsAsync(string providerMessageId, CancellationToken ct)
    {
        // Every send's outcome asks: a prepared lookup, not a query through EF.
        await using var reader = await session.Sql<MessageStatusEvent>(WriteSql.HasWaitingReports)
            .Set("@provider_id", nameof(MessageStatusEvent.ProviderMessageId), providerMessageId)
            .Set("@false", nameof(MessageStatusEvent.Applied), false)
            .ReadAsync(ct);
        return await reader.ReadAsync(ct);
    }

    public async Task<IReadOnlyList<MessageStatusEvent>> WaitingReportsAsync(string providerMessageId, CancellationToken ct)
    {
        await Flushed(ct);
        return await Db.StatusEvents.AsNoTracking()
            .Where(e => e.ProviderMessageId == providerMessageId && !e.Applied)
            .OrderBy(e => e.ReceivedAt)
            .ToListAsync(ct);
    }

    public async Task MarkAppliedAsync(IReadOnlyList<MessageStatusEvent> reports, Guid messageId, CancellationToken ct)
    {
        var ids = reports.Select(r => r.Id).ToList();
        await Flushed(ct);
        await Db.StatusEvents.Where(e => ids.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.MessageId, messageId).SetProperty(e => e.Applied, true), ct);
    }
}
