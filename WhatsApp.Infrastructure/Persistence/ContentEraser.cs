using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Privacy;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Erases content with set-based statements and never loads a row: one SQL UPDATE per table (<see cref="ErasureSql"/>,
/// built from the column classifications) erases every content column, rewriting the inbound JSON in place, because
/// keeping its content type and context id per row needs the database's JSON functions. Retention works in id-ordered
/// batches, each its own short write transaction.
/// </summary>
internal sealed partial class ContentEraser(
    IDbContextFactory<WhatsAppDbContext> contexts, ILogger<ContentEraser> logger, int batchSize = ContentEraser.DefaultBatchSize)
    : IContentEraser
{
    /// <summary>Rows per retention statement: small enough that a large first run never holds one long write lock.</summary>
    internal const int DefaultBatchSize = 5000;

    public async Task<ErasureResult> EraseContactAsync(string contact, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contact);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var messages = await MessagesWithContent(db).CountAsync(m => m.Contact == contact, ct);

        // A queued message without its content must not go out empty: it fails instead, visibly. One being sent right
        // now keeps its status; if that attempt ends in a retry, the dispatcher fails it on the next (MessageDispatcher).
        await db.Messages.Where(m => m.Contact == contact && m.Status == MessageStatus.Queued).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, MessageStatus.Failed)
                .SetProperty(m => m.ErrorCode, MessageContent.ErasedErrorCode)
                .SetProperty(m => m.ErrorReason, MessageContent.ErasedReason)
                .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null),
            ct);
        var sql = ErasureSql.For(db);
        await db.Database.ExecuteSqlRawAsync(sql.EraseMessagesOfContact, [contact], ct);
        var receipts = await ReceiptsWithContent(db).CountAsync(r => r.Contact == contact, ct);
        await db.Database.ExecuteSqlRawAsync(sql.EraseReceiptsOfContact, [contact], ct);
        await transaction.CommitAsync(ct);

        LogContactErased(ContactMask.Mask(contact), messages, receipts);
        return new ErasureResult(messages, receipts);
    }

    public async Task<ErasureResult> EraseOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var messages = await InBatchesAsync(after => EraseMessageBatchAsync(cutoff, after, ct));
        var receipts = await InBatchesAsync(after => EraseReceiptBatchAsync(cutoff, after, ct));
        return new ErasureResult(messages, receipts);
    }

    /// <summary>Runs batches in id order until one comes back short; returns the total erased.</summary>
    private static async Task<int> InBatchesAsync(Func<Guid?, Task<(int Count, Guid? Last)>> batch)
    {
        var total = 0;
        for (Guid? after = null; ;)
        {
            var (count, last) = await batch(after);
            total += count;
            if (last is null)
            {
                return total;
            }

            after = last;
        }
    }

    private async Task<(int Count, Guid? Last)> EraseMessageBatchAsync(DateTimeOffset cutoff, Guid? after, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Queued or sending messages may still go out; their content must be there when they do.
        var due = MessagesWithContent(db)
            .Where(m => m.CreatedAt < cutoff && m.Status != MessageStatus.Queued && m.Status != MessageStatus.Sending);
        var ids = await (after is { } from ? due.Where(m => m.Id > from) : due)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(batchSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (0, null);
        }

        var sql = ErasureSql.For(db);
        await db.Database.ExecuteSqlRawAsync(sql.EraseMessagesOfIds, [sql.IdList(ids)], ct);
        await transaction.CommitAsync(ct);
        return (ids.Count, ids.Count < batchSize ? null : ids[^1]);
    }

    private async Task<(int Count, Guid? Last)> EraseReceiptBatchAsync(DateTimeOffset cutoff, Guid? after, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = ReceiptsWithContent(db).Where(r => r.ReceivedAt < cutoff);
        var ids = await (after is { } from ? due.Where(r => r.Id > from) : due)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(batchSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (0, null);
        }

        var sql = ErasureSql.For(db);
        await db.Database.ExecuteSqlRawAsync(sql.EraseReceiptsOfIds, [sql.IdList(ids)], ct);
        await transaction.CommitAsync(ct);
        return (ids.Count, ids.Count < batchSize ? null : ids[^1]);
    }

    private static IQueryable<Message> MessagesWithContent(WhatsAppDbContext db) => db.Messages.FromSqlRaw(ErasureSql.For(db).MessagesWithContent);

    private static IQueryable<WebhookReceipt> ReceiptsWithContent(WhatsAppDbContext db) => db.WebhookReceipts.FromSqlRaw(ErasureSql.For(db).ReceiptsWithContent);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Erased the content of {Messages} messages and {WebhookReceipts} webhook receipts of contact {Contact}")]
    private partial void LogContactErased(string contact, int messages, int webhookReceipts);
}
