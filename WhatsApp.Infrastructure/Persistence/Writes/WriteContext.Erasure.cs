using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// Erasure with set-based statements (<see cref="ErasureSql"/>, built from the column classifications): one UPDATE
/// per table erases every content column, rewriting the inbound JSON in place with the database's JSON functions.
/// </summary>
internal sealed partial class WriteContext
{
    public async Task<IReadOnlyList<OutboundMessageState>> FailQueuedMessagesAsync(string contact, string errorCode, string errorReason, CancellationToken ct)
    {
        await Flushed(ct);
        var queued = await Db.Messages.Where(m => m.Contact == contact && m.Status == MessageStatus.Queued)
            .Select(m => new OutboundMessageState(m.Id, m.Status, m.Contact, m.From)).ToListAsync(ct);
        var ids = queued.Select(m => m.Id).ToList();
        await Db.Messages.Where(m => ids.Contains(m.Id) && m.Status == MessageStatus.Queued).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, MessageStatus.Failed)
                .SetProperty(m => m.ErrorCode, errorCode)
                .SetProperty(m => m.ErrorReason, errorReason)
                .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null),
            ct);
        return queued;
    }

    public async Task<ErasureResult> EraseContactContentAsync(string contact, CancellationToken ct)
    {
        await Flushed(ct);
        var sql = ErasureSql.For(Db);
        var messages = await MessagesWithContent().CountAsync(m => m.Contact == contact, ct);
        await Db.Database.ExecuteSqlRawAsync(sql.EraseMessagesOfContact, [contact], ct);
        var receipts = await ReceiptsWithContent().CountAsync(r => r.Contact == contact, ct);
        await Db.Database.ExecuteSqlRawAsync(sql.EraseReceiptsOfContact, [contact], ct);
        await Db.Database.ExecuteSqlRawAsync(sql.EraseActivitiesOfContact, [contact], ct);
        return new ErasureResult(messages, receipts);
    }

    public async Task<ErasedBatch> EraseMessagesBeforeAsync(
        DateTimeOffset cutoff, IReadOnlyCollection<MessageStatus> spared, Guid? after, int max, CancellationToken ct)
    {
        await Flushed(ct);
        var due = MessagesWithContent().Where(m => m.CreatedAt < cutoff && !spared.Contains(m.Status));
        var ids = await (after is { } from ? due.Where(m => m.Id > from) : due).OrderBy(m => m.Id).Select(m => m.Id).Take(max).ToListAsync(ct);
        return await EraseAsync(ErasureSql.For(Db).EraseMessagesOfIds, ids, max, ct);
    }

    public async Task<ErasedBatch> EraseReceiptsBeforeAsync(DateTimeOffset cutoff, Guid? after, int max, CancellationToken ct)
    {
        await Flushed(ct);
        var due = ReceiptsWithContent().Where(r => r.ReceivedAt < cutoff);
        var ids = await (after is { } from ? due.Where(r => r.Id > from) : due).OrderBy(r => r.Id).Select(r => r.Id).Take(max).ToListAsync(ct);
        return await EraseAsync(ErasureSql.For(Db).EraseReceiptsOfIds, ids, max, ct);
    }

    private async Task<ErasedBatch> EraseAsync(string eraseIds, List<Guid> ids, int max, CancellationToken ct)
    {
        if (ids.Count > 0)
        {
            await Db.Database.ExecuteSqlRawAsync(eraseIds, [ErasureSql.For(Db).IdList(ids)], ct);
        }

        return new ErasedBatch(ids.Count, ids.Count < max ? null : ids[^1]);
    }

    private IQueryable<Message> MessagesWithContent() => Db.Messages.FromSqlRaw(ErasureSql.For(Db).MessagesWithContent);

    private IQueryable<WebhookReceipt> ReceiptsWithContent() => Db.WebhookReceipts.FromSqlRaw(ErasureSql.For(Db).ReceiptsWithContent);
}
