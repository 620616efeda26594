using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Ports;

/// <summary>Told of each message stored for sending, after its commit: wakes the dispatcher, so it need not wait for its next poll.</summary>
public interface IDispatchSignal
{
    void Notify(Message stored);
}
