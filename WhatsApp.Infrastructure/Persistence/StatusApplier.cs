using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Weighs a message's unapplied status reports against its current status, inside the caller's transaction. Used
/// when a report arrives and when the dispatcher stores a provider id (reports can arrive first).
/// </summary>
internal static class StatusApplier
{
    public static async Task ApplyPendingAsync(WhatsAppDbContext db, string providerMessageId, DateTimeOffset now, CancellationToken ct)
    {
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
            if (MessageStatusRules.CanAdvance(status, report.Status))
            {
                status = report.Status;
                decisive = report;
            }

            report.MarkApplied(message.Id);
        }

        await db.SaveChangesAsync(ct);
        if (decisive is null)
        {
            return;
        }

        var failed = decisive.Status is MessageStatus.Failed or MessageStatus.Undelivered;
        var predecessors = MessageStatusRules.PredecessorsOf(status);
        var updated = await db.Messages
            .Where(m => m.Id == message.Id && predecessors.Contains(m.Status))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, status)
                    .SetProperty(m => m.UpdatedAt, now)
                    .SetProperty(m => m.ErrorCode, m => failed ? decisive.ErrorCode : m.ErrorCode)
                    .SetProperty(m => m.ErrorReason, m => failed ? decisive.Reason : m.ErrorReason),
                ct);
        if (updated == 1 && failed)
        {
            await ConversationSummary.CountFailureAsync(db, message.Contact, ct);
        }
    }
}
