using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Dispatch;
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
        var updated = await writes.ExecuteAsync((db, cancel) => db.Messages
            .Where(m => m.Id == message.Id && m.Status == MessageStatus.Queued && EF.Property<string?>(m, LeaseOwner) == token)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, message.Status)
                    .SetProperty(m => m.Attempts, message.Attempts)
                    .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)
                    .SetProperty(m => m.UpdatedAt, message.UpdatedAt)
                    .SetProperty(m => EF.Property<DateTime?>(m, LeaseExpiresAt), leaseUntil),
                cancel), ct);
        if (updated == 0)
        {
            _leases.TryRemove(message.Id, out _);
        }

        return updated == 1;
    }

    public async Task SaveOutcomeAsync(Message message, CancellationToken ct)
    {
        _leases.TryRemove(message.Id, out _);
        await writes.ExecuteAsync((db, token) => SaveOutcomeAsync(db, message, token), ct);
    }

    private async Task<bool> SaveOutcomeAsync(WhatsAppDbContext db, Message message, CancellationToken ct)
    {
        await db.Messages
            .Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, message.Status)
                    .SetProperty(m => m.Attempts, message.Attempts)
                    .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)
                    .SetProperty(m => m.ProviderMessageId, message.ProviderMessageId)
                    .SetProperty(m => m.ErrorCode, message.ErrorCode)
                    .SetProperty(m => m.ErrorReason, message.ErrorReason)
                    .SetProperty(m => m.SentAt, message.SentAt)
                    .SetProperty(m => m.UpdatedAt, message.UpdatedAt)
                    .SetProperty(m => EF.Property<string?>(m, LeaseOwner), (string?)null)
                    .SetProperty(m => EF.Property<DateTime?>(m, LeaseExpiresAt), (DateTime?)null),
                ct);

        if (message.Status == MessageStatus.Failed)
        {
            await ConversationSummary.CountFailureAsync(db, message.Contact, ct);
        }

        // Plivo can report a status before we have stored the uuid it belongs to; those reports wait for this moment.
        if (message.ProviderMessageId is { } providerMessageId)
        {
            await StatusApplier.ApplyPendingAsync(db, providerMessageId, time.GetUtcNow(), ct);
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
