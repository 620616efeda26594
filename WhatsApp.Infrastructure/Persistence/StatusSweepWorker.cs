using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Applies status reports left unapplied although their message's provider id is stored. On PostgreSQL a report and
/// the send outcome it belongs to can commit at the same moment in two transactions, neither seeing the other's row,
/// so neither applies it; nothing else would ever look at it again. Every instance sweeps: the reports are applied
/// by the domain's rule (<see cref="StatusReports.ApplyWaitingAsync"/>), which re-reads them and moves a status only
/// forward, so a report applied twice changes nothing.
/// </summary>
internal sealed partial class StatusSweepWorker(
    IDbContextFactory<WhatsAppDbContext> contexts,
    IUnitOfWork unitOfWork,
    TimeProvider time,
    ILogger<StatusSweepWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    // Younger reports may still be applied by the paths they raced; the sweep only catches what both missed.
    private static readonly TimeSpan MinAge = TimeSpan.FromSeconds(2);

    // Reports for provider ids we never stored (an outcome unknown whose report had no ref, another system's message)
    // stay unapplied for good; looking back a day bounds what each round reads, and the race leaves a report waiting
    // for seconds only.
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(1);
    private const int MaxPerRound = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var applied = await SweepAsync(stoppingToken);
                if (applied > 0)
                {
                    LogApplied(applied);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    /// <summary>Applies the waiting reports of up to 500 messages; returns how many messages had some.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (from, until) = (now - Lookback, now - MinAge);
        List<string> providerIds;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            providerIds = await db.StatusEvents.AsNoTracking()
                .Where(e => e.MessageId == null && !e.Applied && e.ReceivedAt >= from && e.ReceivedAt <= until)
                .Where(e => db.Messages.Any(m => m.ProviderMessageId == e.ProviderMessageId && m.Direction == MessageDirection.Outbound))
                .Select(e => e.ProviderMessageId)
                .Distinct()
                .Take(MaxPerRound)
                .ToListAsync(ct);
        }

        // One unit each, so that one failing rolls back alone.
        await Task.WhenAll(providerIds.Select(id => unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                await StatusReports.ApplyWaitingAsync(writes, id, time.GetUtcNow(), token);
                return true;
            },
            ct)));
        return providerIds.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied the waiting status reports of {Count} messages")]
    private partial void LogApplied(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status report sweep failed; trying again later")]
    private partial void LogFailed(Exception exception);
}
