using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Events;

namespace WhatsApp.Infrastructure.Events;

/// <summary>
/// Runs on every instance: turns new events into deliveries (<see cref="EventFanOut"/>), on its own cadence so the
/// delivery rounds (<see cref="EventDeliveryWorker"/>) do not each pay for a look at the event log.
/// </summary>
internal sealed partial class EventFanOutWorker(EventFanOut fanOut, IOptions<EventsOptions> options, ILogger<EventFanOutWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var full = false;
                try
                {
                    full = await fanOut.RunAsync(stoppingToken) == EventFanOut.Batch;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRoundFailed(ex);
                }

                if (!full)
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event fan-out round failed; trying again shortly")]
    private partial void LogRoundFailed(Exception exception);
}
