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
    private DateTimeOffset _lastReleaseCheck = DateTimeOffset.MinValue;

    public Task<IReadOnlyList<Message>> ClaimDueAsync(int max, CancellationToken ct) =>
        writes.ExecuteAsync((WriteSession session, CancellationToken token) => ClaimDueAsync(session, max, token), ct);

    /// <summary>One conditional UPDATE leases the due messages and returns their ids; one read by key loads them.</summary>
    private async Task<IReadOnlyList<Message>> ClaimDueAsync(WriteSession session, int max, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        var ids = new List<Guid>(max);
        await using (var reader = await session.Sql<Message>(session.Db.Database.IsNpgsql() ? WriteSql.ClaimDueSkipLocked : WriteSql.ClaimDue)
            .Set("@lease_owner", LeaseOwner, token)
            .Set("@lease_until", LeaseExpiresAt, now.UtcDateTime + options.Value.LeaseDuration)
            .Set("@queued", nameof(Message.Status), MessageStatus.Queued)
            .Set("@now", nameof(Message.NextAttemptAt), now)
            .Set("@now_utc", LeaseExpiresAt, now.UtcDateTime)
            .Set("@max", nameof(Message.Attempts), max)
            .ReadAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var claimed = await session.Db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
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
        var saved = await session.Sql<Message>(WriteSql.SaveOutcome)
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
            .ExecuteAsync(ct);
        if (saved == 0)
        {
            // A report carrying the message's ref arrived before this answer: it is later news than the answer (a
            // retry now would send the message twice), so it stays, and so does the uuid it brought.
            await session.Sql<Message>(WriteSql.SaveSettledOutcome)
                .Set("@attempts", nameof(Message.Attempts), message.Attempts)
                .Set("@provider_id", nameof(Message.ProviderMessageId), message.ProviderMessageId)
                .Set("@sent_at", nameof(Message.SentAt), message.SentAt)
                .Set("@id", nameof(Message.Id), message.Id)
                .ExecuteAsync(ct);
            return true;
        }

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
        // Leases last a minute; looking for expired ones before every claim would only cost a write each time.
        var now = time.GetUtcNow();
        if (now - _lastReleaseCheck < ReleaseCheckInterval())
        {
            return Task.FromResult(0);
        }

        _lastReleaseCheck = now;
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

    private TimeSpan ReleaseCheckInterval() =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, options.Value.LeaseDuration.Ticks / 4));
}
