using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Persistence.Writes;
using static WhatsApp.Infrastructure.Persistence.Configurations.MessageConfiguration;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// The outbox over the Messages table. Claims are leases: a conditional UPDATE stamps a fresh token on rows that are
/// still free, so two dispatchers (threads, processes or machines) never hold the same message.
/// </summary>
internal sealed class OutboxStore(
    WriteQueue writes,
    IOptions<DispatchOptions> options,
    TimeProvider time) : IOutbox
{
    private readonly ConcurrentDictionary<Guid, string> _leases = new();

    public Task<IReadOnlyList<Message>> ClaimDueAsync(int max, CancellationToken ct) =>
        writes.ExecuteAsync((db, token) => ClaimDueAsync(db, max, token), ct);

    private async Task<IReadOnlyList<Message>> ClaimDueAsync(WhatsAppDbContext db, int max, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var candidates = await db.Messages
            .Where(m => m.Status == MessageStatus.Queued && m.NextAttemptAt <= now)
            .Where(m => EF.Property<DateTime?>(m, LeaseExpiresAt) == null || EF.Property<DateTime?>(m, LeaseExpiresAt) < nowUtc)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(max)
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }

        var token = Guid.NewGuid().ToString("N");
        var leaseUntil = nowUtc + options.Value.LeaseDuration;
        await db.Messages
            .Where(m => candidates.Contains(m.Id) && m.Status == MessageStatus.Queued)
            .Where(m => EF.Property<DateTime?>(m, LeaseExpiresAt) == null || EF.Property<DateTime?>(m, LeaseExpiresAt) < nowUtc)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => EF.Property<string?>(m, LeaseOwner), token)
                    .SetProperty(m => EF.Property<DateTime?>(m, LeaseExpiresAt), leaseUntil),
                ct);

        var claimed = await db.Messages.AsNoTracking()
            .Where(m => EF.Property<string?>(m, LeaseOwner) == token)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(ct);
        foreach (var message in claimed)
        {
            _leases[message.Id] = token;
        }

        return claimed;
    }

    public async Task<bool> TryStartSendingAsync(Message message, CancellationToken ct)
    {
        if (!_leases.TryGetValue(message.Id, out var token))
        {
            return false;
        }

        var leaseUntil = time.GetUtcNow().UtcDateTime + options.Value.LeaseDuration;
        var updated = await writes.ExecuteAsync((WriteSession session, CancellationToken cancel) => session.Sql<Message>(WriteSql.StartSending)
            .Set("@status", nameof(Message.Status), message.Status)
            .Set("@attempts", nameof(Message.Attempts), message.Attempts)
            .Set("@next_attempt_at", nameof(Message.NextAttemptAt), message.NextAttemptAt)
            .Set("@updated_at", nameof(Message.UpdatedAt), message.UpdatedAt)
            .Set("@lease_until", LeaseExpiresAt, leaseUntil)
            .Set("@id", nameof(Message.Id), message.Id)
            .Set("@queued", nameof(Message.Status), MessageStatus.Queued)
            .Set("@lease_owner", LeaseOwner, token)
            .ExecuteAsync(cancel), ct);
        if (updated == 0)
        {
            _leases.TryRemove(message.Id, out _);
        }

        return updated == 1;
    }

    public async Task SaveOutcomeAsync(Message message, CancellationToken ct)
    {
        _leases.TryRemove(message.Id, out _);
        await writes.ExecuteAsync((WriteSession session, CancellationToken token) => SaveOutcomeAsync(session, message, token), ct);
    }

    private async Task<bool> SaveOutcomeAsync(WriteSession session, Message message, CancellationToken ct)
    {
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
            .ExecuteAsync(ct);

        if (message.Status == MessageStatus.Failed)
        {
            await ConversationSummary.CountFailureAsync(session, message.Contact, ct);
        }

        // Plivo can report a status before we have stored the uuid it belongs to; those reports wait for this moment.
        if (message.ProviderMessageId is { } providerMessageId)
        {
            await StatusApplier.ApplyIfPendingAsync(session, providerMessageId, time.GetUtcNow(), ct);
        }

        return true;
    }

    public Task<int> ReleaseAbandonedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        return writes.ExecuteAsync((db, token) => db.Messages
            .Where(m => m.Status == MessageStatus.Sending && EF.Property<DateTime?>(m, LeaseExpiresAt) < nowUtc)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, MessageStatus.OutcomeUnknown)
                    .SetProperty(m => m.ErrorCode, "outcome_unknown")
                    .SetProperty(m => m.ErrorReason, "The dispatcher stopped while the request to the provider was in flight; it was not resent.")
                    .SetProperty(m => m.UpdatedAt, now)
                    .SetProperty(m => EF.Property<string?>(m, LeaseOwner), (string?)null)
                    .SetProperty(m => EF.Property<DateTime?>(m, LeaseExpiresAt), (DateTime?)null),
                token), ct);
    }
}
