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
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BacklogRounds.RunAsync(fanOut.RunAsync, EventFanOut.Batch, options.Value.PollInterval, LogRoundFailed, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event fan-out round failed; trying again shortly")]
    private partial void LogRoundFailed(Exception exception);
}
