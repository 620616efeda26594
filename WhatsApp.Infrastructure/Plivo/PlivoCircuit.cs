using Microsoft.Extensions.Logging;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>
/// The state of the circuit breaker towards Plivo, as the resilience pipeline reports it: logged on every change and
/// read by the readiness check, so an outage is visible to operators and not only in the outbox's error codes.
/// </summary>
public sealed partial class PlivoCircuit(TimeProvider time, ILogger<PlivoCircuit> logger)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _openedAt;
    private DateTimeOffset? _retryAt;

    /// <summary>Open (calls refused) or half-open (one trial call allowed).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _openedAt is not null;
            }
        }
    }

    /// <summary>A short description for the health endpoint; null while the circuit is closed.</summary>
    public string? Describe()
    {
        lock (_gate)
        {
            return _openedAt is { } opened
                ? $"Calls to Plivo are paused after repeated failures (circuit open since {opened:O}, next trial at {_retryAt:O})."
                : null;
        }
    }

    internal void Opened(TimeSpan breakDuration)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _openedAt ??= now;
            _retryAt = now + breakDuration;
        }

        LogOpened(breakDuration);
    }

    internal void HalfOpened() => LogHalfOpened();

    internal void Closed()
    {
        TimeSpan? outage;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            outage = now - _openedAt;
            _openedAt = null;
            _retryAt = null;
        }

        if (outage is { } duration)
        {
            LogClosed(duration);
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Circuit to Plivo opened: sends are paused for {BreakDuration} after repeated failures; queued messages wait")]
    private partial void LogOpened(TimeSpan breakDuration);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Circuit to Plivo half-open: trying one request")]
    private partial void LogHalfOpened();

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Circuit to Plivo closed after {Outage}: sending resumes")]
    private partial void LogClosed(TimeSpan outage);
}
