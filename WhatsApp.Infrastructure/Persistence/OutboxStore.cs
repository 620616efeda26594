using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Dispatch;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// The outbox over the Messages table: each claim is a lease under a token of this instance's, kept here between the
/// claim and the send (<see cref="IOutboxWrites"/>); the outcome is stored by the domain's rule (<see cref="SendOutcomes"/>).
/// </summary>
internal sealed class OutboxStore(IUnitOfWork unitOfWork, IOptions<DispatchOptions> options, TimeProvider time) : IOutbox
{
    private const int MaxSaveAttempts = 12;
    private static readonly TimeSpan SaveRetryBaseDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SaveRetryMaxDelay = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, string> _leases = new();
    private DateTimeOffset _lastReleaseCheck = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<Message>> ClaimDueAsync(int max, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        var claimed = await unitOfWork.ExecuteAsync(
            (writes, cancel) => writes.ClaimDueAsync(token, now, now + options.Value.LeaseDuration, max, cancel), ct);
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

        var leaseUntil = time.GetUtcNow() + options.Value.LeaseDuration;
        var started = await unitOfWork.ExecuteAsync((writes, cancel) => writes.TryStartSendingAsync(message, token, leaseUntil, cancel), ct);
        if (!started)
        {
            _leases.TryRemove(message.Id, out _);
        }

        return started;
    }

    /// <summary>
    /// A failed write (the database briefly locked or read-only) is retried while the lease protects the message, for
    /// about 40 seconds, during a shutdown too (the host's shutdown timeout bounds it): dropping the provider's answer
    /// would leave an accepted message "outcome unknown" and its provider id unknown.
    /// </summary>
    public async Task SaveOutcomeAsync(Message message, CancellationToken ct)
    {
        _leases.TryRemove(message.Id, out _);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await unitOfWork.ExecuteAsync(
                    async (writes, cancel) =>
                    {
                        await SendOutcomes.RecordAsync(writes, message, time.GetUtcNow(), cancel);
                        return true;
                    },
                    ct);
                return;
            }
            catch (Exception) when (attempt < MaxSaveAttempts && !ct.IsCancellationRequested)
            {
                var delay = Math.Min(SaveRetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1), SaveRetryMaxDelay.TotalMilliseconds);
                await Task.Delay(TimeSpan.FromMilliseconds(delay), time, CancellationToken.None);
            }
        }
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
        return unitOfWork.ExecuteAsync((writes, cancel) => SendOutcomes.ReleaseAbandonedAsync(writes, now, cancel), ct);
    }

    private TimeSpan ReleaseCheckInterval() =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, options.Value.LeaseDuration.Ticks / 4));
}
