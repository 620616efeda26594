using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Plivo.Signatures;

namespace WhatsApp.Infrastructure;

/// <summary>Deletes what has outlived its purpose: idempotency keys after their retention, nonces after the replay window.</summary>
internal sealed partial class MaintenanceWorker(
    IIdempotencyStore idempotency,
    IDbContextFactory<WhatsAppDbContext> contexts,
    IOptions<DispatchOptions> dispatch,
    IOptionsMonitor<PlivoWebhookOptions> webhooks,
    TimeProvider time,
    ILogger<MaintenanceWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var now = time.GetUtcNow();
                var keys = await idempotency.PurgeAsync(now - dispatch.Value.IdempotencyKeyRetention, stoppingToken);
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                var cutoff = now - webhooks.CurrentValue.NonceReplayWindow;
                var nonces = await db.WebhookNonces.Where(n => n.SeenAt < cutoff).ExecuteDeleteAsync(stoppingToken);
                LogPurged(keys, nonces);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Keys} idempotency keys and {Nonces} webhook nonces")]
    private partial void LogPurged(int keys, int nonces);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Maintenance round failed; trying again later")]
    private partial void LogFailed(Exception exception);
}
