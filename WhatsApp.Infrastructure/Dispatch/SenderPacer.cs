using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>
/// A sliding-window log per sender: the n-th send waits until one second has passed since the (n - limit)-th, so no
/// one-second window ever holds more than the limit, while a steady stream runs at the limit.
/// </summary>
internal sealed class SenderPacer(IOptions<DispatchOptions> options, TimeProvider time) : ISenderPacer
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, Log> _logs = new(StringComparer.Ordinal);

    public async ValueTask WaitAsync(string sender, CancellationToken ct)
    {
        var log = _logs.GetOrAdd(sender, _ => new Log(Math.Max(1, (int)Math.Floor(options.Value.PerSenderRatePerSecond))));
        var now = time.GetUtcNow();
        var slot = log.Reserve(now);
        var delay = slot - now;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, ct);
        }
    }

    private sealed class Log(int limit)
    {
        private readonly DateTimeOffset[] _sent = new DateTimeOffset[limit];
        private int _next;

        public DateTimeOffset Reserve(DateTimeOffset now)
        {
            lock (_sent)
            {
                var oldest = _sent[_next];
                var slot = oldest == default || oldest + Window <= now ? now : oldest + Window;
                _sent[_next] = slot;
                _next = (_next + 1) % _sent.Length;
                return slot;
            }
        }
    }
}
