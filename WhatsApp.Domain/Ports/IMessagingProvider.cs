using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Ports;

/// <summary>Sends one outbound message to the WhatsApp provider (Plivo, or the simulator).</summary>
public interface IMessagingProvider
{
    /// <summary>
    /// Makes exactly one send attempt, bounded by a timeout of its own: the dispatcher lets a request in flight finish
    /// during a shutdown rather than cancel it. Never throws for provider or network failures; they come back as a
    /// <see cref="SendResult"/>.
    /// </summary>
    Task<SendResult> SendAsync(Message message, CancellationToken ct);
}
