using System.Net;
using Microsoft.Extensions.Options;

namespace WhatsApp.Api.Auth;

/// <summary>
/// Which key authenticated from which address within the last <see cref="Memory"/>, so a client already working from
/// an address keeps working while someone else's failures throttle it. A key is remembered by its configured name,
/// never its value. Memory is bounded: at most <see cref="FailedAuthenticationOptions.MaxTrackedAddresses"/> pairs;
/// while that many are live a new pair is not remembered (it only matters if its address gets throttled).
/// </summary>
public sealed class RecentAuthentications(IOptions<FailedAuthenticationOptions> options, TimeProvider time)
{
    /// <summary>How long a success from an address vouches for its key there.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<(IPAddress Address, string Key), long> _lastSuccess = [];
    private long _nextSweep;

    /// <summary>Address and key pairs remembered right now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _lastSuccess.Count;
            }
        }
    }

    /// <summary>Records that the key named <paramref name="keyName"/> authenticated from <paramref name="address"/>.</summary>
    public void Record(IPAddress? address, string keyName)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var pair = (FailedAuthenticationTracker.Normalize(address), keyName);
        var now = time.GetTimestamp();
        lock (_lock)
        {
            if (!_lastSuccess.ContainsKey(pair) && _lastSuccess.Count >= settings.MaxTrackedAddresses)
            {
                Sweep(now);
                if (_lastSuccess.Count >= settings.MaxTrackedAddresses)
                {
                    return;
                }
            }

            _lastSuccess[pair] = now;
        }
    }

    /// <summary>Whether the key named <paramref name="keyName"/> authenticated from <paramref name="address"/> recently.</summary>
    public bool Contains(IPAddress? address, string keyName)
    {
        var pair = (FailedAuthenticationTracker.Normalize(address), keyName);
        var now = time.GetTimestamp();
        lock (_lock)
        {
            return _lastSuccess.TryGetValue(pair, out var at) && time.GetElapsedTime(at, now) < Memory;
        }
    }

    // At most every few minutes, so a full table does not cost a scan per new pair.
    private void Sweep(long now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + (long)(Memory.TotalSeconds / 20 * time.TimestampFrequency);
        foreach (var (expired, _) in _lastSuccess.Where(p => time.GetElapsedTime(p.Value, now) >= Memory).ToList())
        {
            _lastSuccess.Remove(expired);
        }
    }
}
