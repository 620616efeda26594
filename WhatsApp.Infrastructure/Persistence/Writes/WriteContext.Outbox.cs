using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using static WhatsApp.Infrastructure.Persistence.Configurations.MessageConfiguration;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// The outbox's leases: a conditional UPDATE stamps a lease on rows that are still free, so two dispatchers (threads,
/// processes or machines) never hold the same message.
/// </summary>
internal sealed partial class WriteContext
{
    public async Task<IReadOnlyList<Message>> ClaimDueAsync(
        string leaseOwner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct)
    {
        var ids = await session.Sql<Message>(session.IsPostgres ? WriteSql.ClaimDueSkipLocked : WriteSql.ClaimDue)
            .Set("@lease_owner", LeaseOwner, leaseOwner)
            .Set("@lease_until", LeaseExpiresAt, leaseUntil.UtcDateTime)
            .Set("@queued", nameof(Message.Status), MessageStatus.Queued)
            .Set("@now", nameof(Message.NextAttemptAt), now)
            .Set("@now_utc", LeaseExpiresAt, now.UtcDateTime)
            .Set("@max", nameof(Message.Attempts), max)
            .ReadIdsAsync(ct);

        await Flushed(ct);
        return ids.Count == 0
            ? []
            : await Db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.NextAttemptAt).ToListAsync(ct);
    }

    public async Task<bool> TryStartSendingAsync(Message message, string leaseOwner, DateTimeOffset leaseUntil, CancellationToken ct) =>
        await session.Sql<Message>(WriteSql.StartSending)
            .Set("@status", nameof(Message.Status), message.Status)
            .Set("@attempts", nameof(Message.Attempts), message.Attempts)
            .Set("@next_attempt_at", nameof(Message.NextAttemptAt), message.NextAttemptAt)
            .Set("@updated_at", nameof(Message.UpdatedAt), message.UpdatedAt)
            .Set("@lease_until", LeaseExpiresAt, leaseUntil.UtcDateTime)
            .Set("@id", nameof(Message.Id), message.Id)
            .Set("@queued", nameof(Message.Status), MessageStatus.Queued)
            .Set("@lease_owner", LeaseOwner, leaseOwner)
            .ExecuteAsync(ct) == 1;

    public async Task<bool> TrySaveSendOutcomeAsync(Message message, CancellationToken ct) =>
        await session.Sql<Message>(WriteSql.SaveOutcome)
            .Set("@status", nameof(Message.Status), message.Status)
            .Set("@attempts", nameof(Message.Attempts), message.Attempts)
            .Set("@next_attempt_at", nameof(Message.NextAttemptAt), message.NextAttemptAt)
            .Set("@provider_id", nameof(Message.ProviderMessageId), message.ProviderMessageId)
            .Set("@error_code", nameof(Message.ErrorCode), message.ErrorCode)
            .Set("@error_reason", nameof(Message.ErrorReason), message.ErrorReason)
            .Set("@sent_at", nameof(Message.SentAt), message.SentAt)
            .Set("@updated_at", nameof(Message.UpdatedAt), message.UpdatedAt)
            .Set("@id", nameof(Message.Id), message.Id)
            .Set("@sending", nameof(Message.Status), MessageStatus.Sending)
            .Set("@outcome_unknown", nameof(Message.Status), MessageStatus.OutcomeUnknown)
            .ExecuteAsync(ct) > 0;

    public Task SaveSettledSendAsync(Message message, CancellationToken ct) =>
        session.Sql<Message>(WriteSql.SaveSettledOutcome)
            .Set("@attempts", nameof(Message.Attempts), message.Attempts)
            .Set("@provider_id", nameof(Message.ProviderMessageId), message.ProviderMessageId)
            .Set("@sent_at", nameof(Message.SentAt), message.SentAt)
            .Set("@id", nameof(Message.Id), message.Id)
            .ExecuteAsync(ct);

    public async Task<IReadOnlyList<OutboundMessageState>> ReleaseAbandonedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var nowUtc = now.UtcDateTime;
        await Flushed(ct);
        var abandoned = await Db.Messages
            .Where(m => m.Status == MessageStatus.Sending && EF.Property<DateTime?>(m, LeaseExpiresAt) < nowUtc)
            .Select(m => new OutboundMessageState(m.Id, m.Status, m.Contact, m.From))
            .ToListAsync(ct);
        var ids = abandoned.Select(m => m.Id).ToList();
        await Db.Messages
            .Where(m => ids.Contains(m.Id) && m.Status == MessageStatus.Sending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, MessageStatus.OutcomeUnknown)
                    .SetProperty(m => m.ErrorCode, "outcome_unknown")
                    .SetProperty(m => m.ErrorReason, "The dispatcher stopped while the request to the provider was in flight; it was not resent.")
                    .SetProperty(m => m.UpdatedAt, now)
                    .SetProperty(m => EF.Property<string?>(m, LeaseOwner), (string?)null)
                    .SetProperty(m => EF.Property<DateTime?>(m, LeaseExpiresAt), (DateTime?)null),
                ct);
        return abandoned;
    }
}
