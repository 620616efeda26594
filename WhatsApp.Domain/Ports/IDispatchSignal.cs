namespace WhatsApp.Domain.Ports;

/// <summary>Wakes the dispatcher when new work is stored, so it need not wait for its next poll.</summary>
public interface IDispatchSignal
{
    void Notify();
}
