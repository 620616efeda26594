using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Events;

namespace WhatsApp.Infrastructure.Events;

/// <summary>Purges old succeeded deliveries and the events nothing needs any more, every hour.</summary>
internal sealed partial class EventPurgeWorker(EventDeliveries deliveries, TimeProvider time, ILogger<EventPurgeWorker> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var (purgedDeliveries, purgedEvents) = await deliveries.PurgeAsync(stoppingToken);
                if (purgedDeliveries + purgedEvents > 0)
                {
                    LogPurged(purgedDeliveries, purgedEvents);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Deliveries} succeeded event deliveries and {Events} events past their retention")]
    private partial void LogPurged(int deliveries, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old event deliveries failed; trying again in an hour")]
    private partial void LogFailed(Exception exception);
}
