using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Observability;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Writes;
using WhatsApp.Infrastructure.Plivo.Signatures;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>
/// Stores each webhook raw and processes it in the same transaction (the write queue's, shared by a batch and
/// committed before anyone is answered). Duplicates are found by their natural keys; unique indexes back that up
/// across instances, and the queue retries a write that lost such a race so it then sees the duplicate.
/// </summary>
internal sealed partial class WebhookInbox(
    IDbContextFactory<WhatsAppDbContext> contexts,
    WriteQueue writes,
    IOptionsMonitor<PlivoWebhookOptions> webhookOptions,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<WebhookInbox> logger) : IWebhookInbox
{
    public async Task<WebhookOutcome> IngestAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        delivery = StoredText.WithoutNul(delivery);

        // Classified, parsed and converted into rows here rather than on the single writer, which only binds and runs them.
        var fields = new PlivoFields(delivery.Fields);
        var kind = PlivoWebhookParser.Classify(fields);
        var now = time.GetUtcNow();
        var nonce = writes.Prepare(new WebhookNonce(WebhookNonce.KeyOf(delivery.Nonce), now), WriteSql.NonceFirstUse)
            .With("@cutoff", nameof(WebhookNonce.SeenAt), now - webhookOptions.CurrentValue.NonceReplayWindow);
        var contact = PlivoFields.ToE164(kind == PlivoWebhookParser.StatusKind ? fields.Get("To") : fields.Get("From"));
        var receipt = WebhookReceipt.From(delivery, Guid.CreateVersion7(now), kind, contact);
        var receiptRow = writes.Prepare(receipt, null);
        var inbound = WebhookProcessor.Prepare(writes, kind, fields, delivery.ReceivedAt);
        var outcome = await writes.ExecuteAsync(
            (WriteSession session, CancellationToken token) =>
                IngestAsync(session, delivery, fields, nonce, receipt, receiptRow, inbound, token),
            ct);
        metrics.Webhook(kind, outcome, delivery.ReceivedAt);
        return outcome;
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

    public async Task<WebhookOutcome?> ReplayAsync(Guid receiptId, CancellationToken ct)
    {
        var (outcome, erased) = await writes.ExecuteAsync<(WebhookOutcome?, bool)>(
            (WriteSession session, CancellationToken token) => ReplayAsync(session, receiptId, token), ct);
        return erased
            ? throw new ConflictException($"Webhook receipt '{receiptId}' holds no fields (its content was erased): there is nothing to replay.")
            : outcome;
    }

    /// <summary>
    /// Processes a stored receipt again, in the same transaction as the check that its fields were not erased: an
    /// erased receipt is left as it is (processing its empty fields would mark it unprocessed, for nothing).
    /// </summary>
    private async Task<(WebhookOutcome? Outcome, bool Erased)> ReplayAsync(WriteSession session, Guid receiptId, CancellationToken token)
    {
        var receipt = await session.Db.WebhookReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == receiptId, token);
        if (receipt is null)
        {
            return (null, false);
        }

        if (receipt.Fields.Count == 0)
        {
            return (null, true);
        }

        var fields = new PlivoFields(receipt.Fields);
        var inbound = WebhookProcessor.Prepare(writes, receipt.Kind, fields, receipt.ReceivedAt);
        var outcome = await ProcessAsync(session, receipt, fields, inbound, token);
        session.Db.WebhookReceipts.Update(receipt);
        await session.Db.SaveChangesAsync(token);
        return (outcome, false);
    }

    private async Task<WebhookOutcome> IngestAsync(
        WriteSession session,
        WebhookDelivery delivery,
        PlivoFields fields,
        PreparedRow nonce,
        WebhookReceipt receipt,
        PreparedRow receiptRow,
        WebhookProcessor.PreparedInbound? inbound,
        CancellationToken ct)
    {
        if (inbound is { Failure: null })
        {
            return await IngestInboundAsync(session, delivery, nonce, receipt, receiptRow, inbound, ct);
        }

        if (await session.InsertAsync(nonce, ct) == 0)
        {
            // The query string of a GET webhook carries the message; only the path is logged.
            LogReplay(delivery.Method, delivery.Url.Split('?', 2)[0]);
            return WebhookOutcome.NonceReplayed;
        }

        var outcome = await ProcessAsync(session, receipt, fields, inbound, ct);

        // Stored after processing, with its outcome, in the same transaction: one insert, not an insert and an update.
        receiptRow.Refresh(nameof(WebhookReceipt.Outcome), nameof(WebhookReceipt.ProcessedAt), nameof(WebhookReceipt.Error));
        await session.InsertAsync(receiptRow, ct);
        return outcome;
    }

    /// <summary>
    /// An inbound message read without error: the nonce, the message, its conversation summary and the receipt as one
    /// chain (<see cref="WriteSession.InsertChainAsync"/>, one round trip on PostgreSQL): the message and the receipt only
    /// for a nonce not seen within the window, the conversation summary only for a message not stored before.
    /// </summary>
    private async Task<WebhookOutcome> IngestInboundAsync(
        WriteSession session,
        WebhookDelivery delivery,
        PreparedRow nonce,
        WebhookReceipt receipt,
        PreparedRow receiptRow,
        WebhookProcessor.PreparedInbound inbound,
        CancellationToken ct)
    {
        // Stored as processed; the rare message stored before gets its outcome corrected below, in the same transaction.
        receipt.MarkProcessed(WebhookOutcome.Processed, time.GetUtcNow());
        receiptRow.Refresh(nameof(WebhookReceipt.Outcome), nameof(WebhookReceipt.ProcessedAt), nameof(WebhookReceipt.Error));
        var written = await session.InsertChainAsync(
            "inbound webhook",
            [("nonce", nonce, null), ("message", inbound.Message!, "nonce"), ("summary", inbound.Summary!, "message"), ("receipt", receiptRow, "nonce")],
            ct);
        var (fresh, stored) = (written[0], written[1]);
        if (!fresh)
        {
            LogReplay(delivery.Method, delivery.Url.Split('?', 2)[0]);
            return WebhookOutcome.NonceReplayed;
        }

        if (stored)
        {
            return WebhookOutcome.Processed;
        }

        receipt.MarkProcessed(WebhookOutcome.Duplicate, receipt.ProcessedAt ?? time.GetUtcNow());
        await session.Sql<WebhookReceipt>(WriteSql.ReceiptOutcome)
            .Set("@outcome", nameof(WebhookReceipt.Outcome), WebhookOutcome.Duplicate)
            .Set("@id", nameof(WebhookReceipt.Id), receipt.Id)
            .ExecuteAsync(ct);
        return WebhookOutcome.Duplicate;
    }

    /// <summary>
    /// Applies the receipt; a processing failure rolls back only the processing and is recorded on the receipt.
    /// Database failures propagate, so the webhook is not acknowledged and Plivo retries it.
    /// </summary>
    private async Task<WebhookOutcome> ProcessAsync(
        WriteSession session, WebhookReceipt receipt, PlivoFields fields, WebhookProcessor.PreparedInbound? inbound, CancellationToken ct)
    {
        const string savepoint = "process";
        await session.SavepointAsync(savepoint);
        try
        {
            var now = time.GetUtcNow();
            var outcome = await WebhookProcessor.ApplyAsync(session, receipt, fields, now, inbound, ct);
            receipt.MarkProcessed(outcome, now);
            await session.ReleaseAsync(savepoint);
            return outcome;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or DbUpdateException or System.Data.Common.DbException))
        {
            await session.RollbackToAsync(savepoint);
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
