using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>
/// A sliding-window log per sender: the n-th entry waits until a window has passed since the (n - limit)-th, so no
/// window ever holds more than the limit, while a steady stream runs at the limit. Reservations use one second;
/// the send gate a slightly longer window, so scheduling jitter between the gate and the wire cannot push a second
/// over the limit.
/// </summary>
internal sealed class SenderPacer(IOptions<DispatchOptions> options, TimeProvider time) : ISenderPacer
{
    private static readonly TimeSpan ReservationWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SendWindow = TimeSpan.FromMilliseconds(1040);
    private readonly ConcurrentDictionary<string, Log> _reservations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Log> _sends = new(StringComparer.Ordinal);

    public ValueTask WaitAsync(string sender, CancellationToken ct) => WaitAsync(_reservations, ReservationWindow, sender, ct);

    public ValueTask EnterSendAsync(string sender, CancellationToken ct) => WaitAsync(_sends, SendWindow, sender, ct);

    private async ValueTask WaitAsync(ConcurrentDictionary<string, Log> logs, TimeSpan window, string sender, CancellationToken ct)
    {
        var log = logs.GetOrAdd(sender, _ => new Log(Math.Max(1, (int)Math.Floor(options.Value.PerSenderRatePerSecond)), window));
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
}
