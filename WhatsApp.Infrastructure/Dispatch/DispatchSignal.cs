using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>An auto-reset signal between the send API and the dispatcher loop in this process.</summary>
internal sealed class DispatchSignal : IDispatchSignal, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>
    /// Wakes the loop unless it is already woken: one wake-up is enough. Under load it almost always is, and the
    /// exception that a full semaphore throws is costly at that rate (bench/README.md); it remains only for two sends
    /// racing past the check.
    /// </summary>
    public void Notify(Message stored)
    {
        if (_signal.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another send signalled between the check and the release.
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
