using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Simulator;

/// <summary>
/// Provider used without Plivo credentials: accepts every message and never touches the network. Its delivery
/// reports (sent, delivered, read) are produced by <see cref="SimulatorStatusWorker"/>.
/// </summary>
internal sealed partial class SimulatorMessagingProvider(SimulatorStatusFeed feed, ILogger<SimulatorMessagingProvider> logger) : IMessagingProvider
{
    public Task<SendResult> SendAsync(Message message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ct.ThrowIfCancellationRequested();
        var providerMessageId = SimulatorDefaults.MessageIdPrefix + Guid.NewGuid().ToString("D");
        LogAccepted(logger, message.Id, message.Type, providerMessageId);
        feed.Publish(new SimulatedSend(providerMessageId, message.From, message.To));
        return Task.FromResult<SendResult>(new SendResult.Accepted(providerMessageId));
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Debug, Message = "Simulator accepted {MessageType} message {MessageId} as {ProviderMessageId}")]
    private static partial void LogAccepted(ILogger logger, Guid messageId, MessageType messageType, string providerMessageId);
}
