using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace WhatsApp.Api.Auth;

/// <summary>
/// Counts invalid API keys per client address in fixed windows. Memory is bounded: at most
/// <see cref="FailedAuthenticationOptions.MaxTrackedAddresses"/> addresses are tracked; while that many are live, new
/// ones share one overflow allowance, so a flood of distinct addresses cannot grow the table or buy fresh guesses.
/// IPv6 addresses count per /64, the block one host is usually given. Only failures write to it.
/// </summary>
public sealed class FailedAuthenticationTracker(IOptions<FailedAuthenticationOptions> options, TimeProvider time)
{
    private static readonly IPAddress Unknown = IPAddress.IPv6None;

    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, Window> _windows = [];
    private readonly Window _overflow = new();
    private long _nextSweep;

    /// <summary>Addresses with a window of their own right now.</summary>
    public int TrackedAddresses
    {
        get
        {
            lock (_lock)
            {
                return _windows.Count;
            }
        }
    }

    /// <summary>Records one invalid key from <paramref name="address"/>.</summary>
    public FailedAuthentication RecordFailure(IPAddress? address)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return new FailedAuthentication(false, false, TimeSpan.Zero);
        }

        var now = time.GetTimestamp();
        lock (_lock)
        {
            var window = WindowFor(Normalize(address), settings, now);
            if (window.Failures == 0 || time.GetElapsedTime(window.StartedAt, now) >= settings.Window)
            {
                window.StartedAt = now;
                window.Failures = 0;
            }

            window.Failures++;
            var retryAfter = settings.Window - time.GetElapsedTime(window.StartedAt, now);
            return new FailedAuthentication(window.Failures > settings.Limit, window.Failures == settings.Limit + 1, retryAfter);
        }
    }

    /// <summary>
    /// How long <paramref name="address"/> stays throttled: its own window has used up its allowance. Never because
    /// of the shared overflow allowance, which would let strangers throttle every untracked address.
    /// </summary>
    public TimeSpan? ThrottledFor(IPAddress? address)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return null;
        }

        var now = time.GetTimestamp();
        lock (_lock)
        {
            if (!_windows.TryGetValue(Normalize(address), out var window) || window.Failures < settings.Limit)
            {
                return null;
            }

            var left = settings.Window - time.GetElapsedTime(window.StartedAt, now);
            return left > TimeSpan.Zero ? left : null;
        }
    }

    /// <summary>The address failures and successes are counted under: IPv4 for a mapped address, the /64 for IPv6.</summary>
    internal static IPAddress Normalize(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    private Window WindowFor(IPAddress address, FailedAuthenticationOptions settings, long now)
    {
        if (_windows.TryGetValue(address, out var window))
        {
            return window;
        }

        if (_windows.Count >= settings.MaxTrackedAddresses && now >= _nextSweep)
        {
            // At most a few times per window, so a full table does not cost a scan per request.
            _nextSweep = now + (long)(settings.Window.TotalSeconds / 10 * time.TimestampFrequency);
            foreach (var (expired, _) in _windows.Where(w => time.GetElapsedTime(w.Value.StartedAt, now) >= settings.Window).ToList())
            {
                _windows.Remove(expired);
            }
        }

        if (_windows.Count >= settings.MaxTrackedAddresses)
        {
            return _overflow;
        }

        window = new Window();
        _windows.Add(address, window);
        return window;
    }

    private sealed class Window
    {
        public long StartedAt { get; set; }

        public int Failures { get; set; }
    }
}
