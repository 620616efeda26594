using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Infrastructure.Plivo;

namespace WhatsApp.Infrastructure;

/// <summary>Says at start-up which provider sends messages; the simulator gets a warning nobody can miss.</summary>
internal sealed partial class ProviderStartupLog(
    IOptions<MessagingOptions> messaging,
    IOptions<PlivoOptions> plivo,
    ILogger<ProviderStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (ProviderSelection.Resolve(messaging.Value, plivo.Value) == ProviderSelection.Simulator)
        {
            LogSimulator();
        }
        else
        {
            LogPlivo(plivo.Value.BaseUrl);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIMULATOR MODE: no Plivo credentials are configured (or Messaging:Provider=Simulator). Messages are accepted and move through sent, delivered and read, but never leave this machine; POST /api/admin/simulator/inbound plays a customer. Set Plivo:AuthId, Plivo:AuthToken and Plivo:DefaultSender to send for real.")]
    private partial void LogSimulator();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending through Plivo at {BaseUrl}")]
    private partial void LogPlivo(Uri baseUrl);
}
