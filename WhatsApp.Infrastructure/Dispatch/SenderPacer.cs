using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>
/// Two limits per sender. Reservations: a sliding-window log, where the n-th waits until a second has passed since
/// the (n - limit)-th, which spaces the work evenly at the limit. The send gate: as many permits as the limit, each
/// held from entry until a second after the request's answer. The provider sees a request somewhere between the two,
/// so any one-second window there overlaps the holding time of every request it saw, and they cannot be more than
/// the limit. An earlier gate (a log of entry times with a margin) let the limit through plus one: scheduling between
/// the gate and the wire varies by more than any margin small enough to keep the rate near the limit.
/// </summary>
internal sealed class SenderPacer(IOptions<DispatchOptions> options, TimeProvider time) : ISenderPacer
{
    private static readonly TimeSpan ReservationWindow = TimeSpan.FromSeconds(1);

    // A few milliseconds beyond the second, for timers firing a tick early and two clocks.
    private static readonly TimeSpan SendWindow = TimeSpan.FromMilliseconds(1005);
    private readonly ConcurrentDictionary<string, Log> _reservations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _sends = new(StringComparer.Ordinal);

    public async ValueTask<IDisposable> EnterSendAsync(string sender, CancellationToken ct)
    {
        var permits = _sends.GetOrAdd(sender, _ => new SemaphoreSlim(Limit(), Limit()));
        await permits.WaitAsync(ct);
        return new Permit(permits, time);
    }

    private int Limit() => Math.Max(1, (int)Math.Floor(options.Value.PerSenderRatePerSecond));

    public async ValueTask WaitAsync(string sender, CancellationToken ct)
    {
        var log = _reservations.GetOrAdd(sender, _ => new Log(Limit(), ReservationWindow));
        var now = time.GetUtcNow();
        var slot = log.Reserve(now);
        var delay = slot - now;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, ct);
        }
    }

    private sealed class Log(int limit, TimeSpan window)
    {
        private readonly DateTimeOffset[] _entries = new DateTimeOffset[limit];
        private int _next;

        public DateTimeOffset Reserve(DateTimeOffset now)
        {
            lock (_entries)
            {
                var oldest = _entries[_next];
                var slot = oldest == default || oldest + window <= now ? now : oldest + window;
                _entries[_next] = slot;
                _next = (_next + 1) % _entries.Length;
                return slot;
            }
        }
    }

    private sealed class Permit(SemaphoreSlim permits, TimeProvider time) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _ = Task.Delay(SendWindow, time).ContinueWith(
                    _ => permits.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }
}
