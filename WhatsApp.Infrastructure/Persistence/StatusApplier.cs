using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Weighs a message's unapplied status reports against its current status, inside the caller's transaction. Used
/// when a report arrives and when the dispatcher stores a provider id (reports can arrive first).
/// </summary>
internal static class StatusApplier
{
    /// <summary>Applies the reports waiting for <paramref name="providerMessageId"/>, after one cheap look for any.</summary>
    public static async Task ApplyIfPendingAsync(WriteSession session, string providerMessageId, DateTimeOffset now, CancellationToken ct)
    {
        await using (var reader = await session.Sql<MessageStatusEvent>(WriteSql.HasPendingReports)
            .Set("@provider_id", nameof(MessageStatusEvent.ProviderMessageId), providerMessageId)
            .Set("@false", nameof(MessageStatusEvent.Applied), false)
            .ReadAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return;
            }
        }

        await ApplyPendingAsync(session, providerMessageId, now, ct);
    }

    public static async Task ApplyPendingAsync(WriteSession session, string providerMessageId, DateTimeOffset now, CancellationToken ct)
    {
        var db = session.Db;
        var message = await db.Messages
            .Where(m => m.ProviderMessageId == providerMessageId && m.Direction == MessageDirection.Outbound)
            .Select(m => new { m.Id, m.Status, m.Contact })
            .FirstOrDefaultAsync(ct);
        if (message is null)
        {
            return;
        }

        var pending = await db.StatusEvents
            .Where(e => e.ProviderMessageId == providerMessageId && !e.Applied)
            .OrderBy(e => e.ReceivedAt)
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return;
        }

        var status = message.Status;
        MessageStatusEvent? decisive = null;
        foreach (var report in pending)
        {
            var next = MessageStatusRules.Reported(status, report.Status);
            if (MessageStatusRules.CanAdvance(status, next))
            {
                status = next;
                decisive = report;
            }

            report.MarkApplied(message.Id);
        }

        await db.SaveChangesAsync(ct);
        if (decisive is null)
        {
            return;
        }

        var failed = status is MessageStatus.Failed or MessageStatus.Undelivered;
        var predecessors = MessageStatusRules.PredecessorsOf(status);

        // A message whose send outcome was unknown (or a retry pending) carries that error; the report settles it.
        var unsettled = new[] { MessageStatus.Queued, MessageStatus.Sending, MessageStatus.OutcomeUnknown };
        var updated = await db.Messages
            .Where(m => m.Id == message.Id && predecessors.Contains(m.Status))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, status)
                    .SetProperty(m => m.UpdatedAt, now)
                    .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null)
                    .SetProperty(m => m.ErrorCode, m => failed ? decisive.ErrorCode : unsettled.Contains(m.Status) ? null : m.ErrorCode)
                    .SetProperty(m => m.ErrorReason, m => failed ? decisive.Reason : unsettled.Contains(m.Status) ? null : m.ErrorReason),
                ct);
        if (updated == 1 && failed)
        {
            await ConversationSummary.CountFailureAsync(session, message.Contact, ct);
        }
    }
}
