using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Infrastructure.Simulator;

/// <summary>
/// Plays Plivo's part for simulated sends: reports sent, delivered and read through the same webhook processing
/// path real reports take, so statuses move without a Plivo account.
/// </summary>
internal sealed partial class SimulatorStatusWorker(
    SimulatorStatusFeed feed,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<SimulatorStatusWorker> logger) : BackgroundService
{
    private static readonly (string Status, TimeSpan After)[] Steps =
    [
        ("sent", TimeSpan.FromMilliseconds(200)),
        ("delivered", TimeSpan.FromMilliseconds(800)),
        ("read", TimeSpan.FromSeconds(1)),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        await foreach (var send in feed.Reader.ReadAllAsync(stoppingToken))
        {
            running.RemoveAll(t => t.IsCompleted);
            running.Add(ReportAsync(send, stoppingToken));
        }

        await Task.WhenAll(running);
    }

    private async Task ReportAsync(SimulatedSend send, CancellationToken ct)
    {
        try
        {
            for (var i = 0; i < Steps.Length; i++)
            {
                await Task.Delay(Steps[i].After, time, ct);
                await using var scope = scopes.CreateAsyncScope();
                var delivery = SimulatorWebhooks.Status(send.ProviderMessageId, send.From, send.To, Steps[i].Status, i + 1, time.GetUtcNow());
                await scope.ServiceProvider.GetRequiredService<WebhookReceiver>().ReceiveAsync(delivery, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed(ex, send.ProviderMessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated status reports for {ProviderMessageId} failed")]
    private partial void LogFailed(Exception exception, string providerMessageId);
}
