using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Privacy;

namespace WhatsApp.Infrastructure.Privacy;

/// <summary>Erases content older than <see cref="PrivacyOptions.RetentionDays"/> every hour; idle when retention is off.</summary>
internal sealed partial class ContentRetentionWorker(
    ContentErasure erasure,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<ContentRetentionWorker> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = TimeSpan.FromDays(options.Value.RetentionDays);
        if (retention == TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var erased = await erasure.EraseOlderThanAsync(time.GetUtcNow() - retention, stoppingToken);
                if (erased != ErasureResult.None)
                {
                    LogErased(erased.Messages, erased.WebhookReceipts, options.Value.RetentionDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention erased the content of {Messages} messages and {WebhookReceipts} webhook receipts older than {Days} days")]
    private partial void LogErased(int messages, int webhookReceipts, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention round failed; trying again later")]
    private partial void LogFailed(Exception exception);
}
