using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Ports;

/// <summary>Sends one outbound message to the WhatsApp provider (Plivo, or the simulator).</summary>
public interface IMessagingProvider
{
    /// <summary>Makes exactly one send attempt. Never throws for provider or network failures; they come back as a <see cref="SendResult"/>.</summary>
    Task<SendResult> SendAsync(Message message, CancellationToken ct);
}
