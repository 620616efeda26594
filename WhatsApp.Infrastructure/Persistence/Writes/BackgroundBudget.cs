using System.Diagnostics;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// How much of the one writer background writes (the events' fan-out, claims and outcomes) may take. A caller waits
/// for its batch's commit (an inbound webhook's acknowledgement, a send's 202), and a background write in the way adds
/// to that wait. So while callers' batches would keep the writer at least half busy (over about the last tenth of a
/// second, not counting the time background writes took), background writes get at most a ninth of its time: they
/// earn an eighth of the time callers' batches take and spend it as they run. Otherwise nothing limits them. Times
/// are <see cref="Stopwatch"/> ticks; only the write queue's loop uses it.
/// </summary>
internal sealed class BackgroundBudget
{
    private const double BusyShare = 0.5;
    private static readonly long Window = Stopwatch.Frequency / 10;
    private static readonly long MaxCredit = Stopwatch.Frequency / 50;

    private double _callerShare;
    private long _lastEnd = Stopwatch.GetTimestamp();
    private long _credit;
    private long _spentInBatch;

    /// <summary>Whether background writes are held to their share: callers' batches kept the writer busy lately.</summary>
    public bool Capped(long now) => CallerShare(now) >= BusyShare;

    /// <summary>Whether a background write may run now, beside callers' writes.</summary>
    public bool MayRun(long now) => !Capped(now) || _credit > 0;

    /// <summary>A background write ran for <paramref name="ticks"/>: part of its batch, and spent from the credit when capped.</summary>
    public void Spent(long ticks, long now)
    {
        _spentInBatch += ticks;
        if (Capped(now))
        {
            _credit -= ticks;
        }
    }

    /// <summary>
    /// A batch that began at <paramref name="start"/> ended at <paramref name="end"/>. Its callers' writes, if it
    /// <paramref name="hadCallers"/>, took all of it but the background writes' own time (their runs and the commit
    /// they waited on). How busy callers keep the writer is measured on the time background writes left.
    /// </summary>
    public void Ended(long start, long end, bool hadCallers)
    {
        var backgroundTicks = _spentInBatch;
        _spentInBatch = 0;
        var callerTicks = hadCallers ? end - start - backgroundTicks : 0;
        var wall = Math.Max(1, end - _lastEnd);
        var busy = Math.Min(1.0, (double)callerTicks / Math.Max(1, wall - backgroundTicks));
        _callerShare += Math.Min(1.0, (double)wall / Window) * (busy - _callerShare);
        _lastEnd = end;
        _credit = Capped(end) ? Math.Min(_credit + (callerTicks / 8), MaxCredit) : 0;
    }

    // Fades to nothing over a window without batches: an idle writer is not busy.
    private double CallerShare(long now) => _callerShare * Math.Max(0, 1 - ((double)(now - _lastEnd) / Window));
}
