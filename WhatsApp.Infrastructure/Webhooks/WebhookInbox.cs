using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>
/// Stores each webhook raw and processes it in the same transaction (the write queue's, shared by a batch and
/// committed before anyone is answered). Duplicates are found by their natural keys; unique indexes back that up
/// across instances, and the queue retries a write that lost such a race so it then sees the duplicate.
/// </summary>
internal sealed partial class WebhookInbox(
    IDbContextFactory<WhatsAppDbContext> contexts,
    WriteQueue writes,
    WebhookInboxSettings settings,
    TimeProvider time,
    ILogger<WebhookInbox> logger) : IWebhookInbox
{
    public Task<WebhookOutcome> IngestAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return writes.ExecuteAsync((db, token) => IngestAsync(db, delivery, token), ct);
    }

    public async Task<IReadOnlyList<WebhookReceipt>> ListUnprocessedAsync(int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WebhookReceipts.AsNoTracking()
            .Where(r => r.Outcome == WebhookOutcome.Unprocessed)
            .OrderBy(r => r.ReceivedAt)
            .Take(limit)
            .ToListAsync(ct);
    }

    public Task<WebhookOutcome?> ReplayAsync(Guid receiptId, CancellationToken ct) =>
        writes.ExecuteAsync<WebhookOutcome?>(
            async (db, token) =>
            {
                var receipt = await db.WebhookReceipts.FirstOrDefaultAsync(r => r.Id == receiptId, token);
                if (receipt is null)
                {
                    return null;
                }

                var outcome = await ProcessAsync(db, receipt, token);
                await db.SaveChangesAsync(token);
                return outcome;
            },
            ct);

    private async Task<WebhookOutcome> IngestAsync(WhatsAppDbContext db, WebhookDelivery delivery, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var seen = await db.WebhookNonces.FirstOrDefaultAsync(n => n.Nonce == delivery.Nonce, ct);
        if (seen is not null && seen.SeenAt > now - settings.NonceReplayWindow)
        {
            // The query string of a GET webhook carries the message; only the path is logged.
            LogReplay(delivery.Method, delivery.Url.Split('?', 2)[0]);
            return WebhookOutcome.NonceReplayed;
        }

        if (seen is null)
        {
            db.WebhookNonces.Add(new WebhookNonce(delivery.Nonce, now));
        }
        else
        {
            seen.SeenAt = now;
        }

        var fields = new PlivoFields(delivery.Fields);
        var kind = PlivoWebhookParser.Classify(fields);
        var contact = PlivoFields.ToE164(kind == PlivoWebhookParser.StatusKind ? fields.Get("To") : fields.Get("From"));
        var receipt = WebhookReceipt.From(delivery, Guid.CreateVersion7(now), kind, contact);
        db.WebhookReceipts.Add(receipt);
        await db.SaveChangesAsync(ct);

        var outcome = await ProcessAsync(db, receipt, ct);
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>
    /// Applies the receipt; a processing failure rolls back only the processing and is recorded on the receipt.
    /// Database failures propagate, so the webhook is not acknowledged and Plivo retries it.
    /// </summary>
    private async Task<WebhookOutcome> ProcessAsync(WhatsAppDbContext db, WebhookReceipt receipt, CancellationToken ct)
    {
        const string savepoint = "process";
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Webhooks are processed inside the write queue's transaction.");
        await transaction.CreateSavepointAsync(savepoint, ct);
        try
        {
            // Marked before applying so the receipt's update rides in the same SaveChanges as the facts it records.
            var now = time.GetUtcNow();
            receipt.MarkProcessed(WebhookOutcome.Processed, now);
            var outcome = await WebhookProcessor.ApplyAsync(db, receipt, now, ct);
            if (outcome != WebhookOutcome.Processed)
            {
                receipt.MarkProcessed(outcome, now);
            }

            return outcome;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or DbUpdateException or System.Data.Common.DbException))
        {
            await transaction.RollbackToSavepointAsync(savepoint, ct);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != receipt).ToList())
            {
                entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
            }

            receipt.MarkFailed($"{ex.GetType().Name}: {ex.Message}");
            LogUnprocessed(receipt.Id, receipt.Kind, ex.GetType().Name);
            return WebhookOutcome.Unprocessed;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a webhook whose nonce was already used ({Method} {Url}): possible replay")]
    private partial void LogReplay(string method, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook receipt {ReceiptId} ({Kind}) could not be processed: {Error}; kept for replay")]
    private partial void LogUnprocessed(Guid receiptId, string kind, string error);
}
