using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>An auto-reset signal between the send API and the dispatcher loop in this process.</summary>
internal sealed class DispatchSignal : IDispatchSignal, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
