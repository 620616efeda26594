namespace WhatsApp.Bench.FakePlivo;

/// <summary>When each sender's messages were accepted, as monotonic timestamps; thread-safe.</summary>
internal sealed class AcceptLog(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<long>> _bySender = new(StringComparer.Ordinal);
    private readonly long _origin = time.GetTimestamp();

    public void Record(string sender)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (!_bySender.TryGetValue(sender, out var stamps))
            {
                stamps = [];
                _bySender[sender] = stamps;
            }

            stamps.Add(now);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _bySender.Clear();
        }
    }

    public AcceptStats Snapshot()
    {
        Dictionary<string, long[]> copy;
        lock (_gate)
        {
            copy = _bySender.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        }

        var senders = copy.ToDictionary(p => p.Key, p => SenderStats.From(p.Value, _origin, time.TimestampFrequency), StringComparer.Ordinal);
        return new AcceptStats(copy.Values.Sum(s => s.Length), Seconds(time.GetTimestamp()), senders);
    }

    private double Seconds(long timestamp) => (double)(timestamp - _origin) / time.TimestampFrequency;
}
