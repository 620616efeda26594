namespace WhatsApp.Domain.Services;

/// <summary>How hard the dispatcher tries before it gives up on a message.</summary>
public sealed record DispatchPolicy
{
    /// <summary>Attempts (HTTP requests) per message before it is marked failed.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>After this long since creation a message is not retried any more.</summary>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages claimed per round.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Requests in flight at once, across all senders.</summary>
    public int MaxConcurrency { get; init; } = 64;

    /// <summary>
    /// Exponential backoff with jitter (between half and all of the exponential delay), never earlier than the
    /// provider's Retry-After.
    /// </summary>
    public TimeSpan NextDelay(int attempts, TimeSpan? retryAfter, double random)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 20);
        var exponential = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(exponential * (0.5 + (random / 2)));
        return retryAfter is { } floor && floor > jittered ? floor : jittered;
    }
}
