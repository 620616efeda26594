namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// The clock read to the microsecond, for PostgreSQL, which stores times to the microsecond: a time the service
/// answers with (a message's <c>created_at</c>) is then exactly the one an idempotent replay or a later read returns.
/// </summary>
internal sealed class MicrosecondTimeProvider(TimeProvider inner) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
