namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>Outbox dispatcher settings (section <c>Dispatch</c>).</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>Messages per second per sender number (WhatsApp's default limit is 80).</summary>
    public double PerSenderRatePerSecond { get; set; } = 80;

    /// <summary>Attempts per message before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>No retries once a message is older than this.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of one HTTP attempt to Plivo. A timeout makes the outcome unknown; the message is not resent.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// What the host's shutdown timeout adds to <see cref="AttemptTimeout"/>: storing the answers of the requests in
    /// flight at a stop, and the stops of the services after the dispatcher.
    /// </summary>
    public static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(20);

    /// <summary>The host's shutdown timeout: a stop lets the requests in flight finish and stores their outcomes.</summary>
    public TimeSpan ShutdownTimeout => AttemptTimeout + ShutdownMargin;

    /// <summary>How long a claimed message stays reserved for one dispatcher; after a crash, others take it after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Requests to Plivo in flight at once. 64 stays under the 100 simultaneous requests Plivo allows an account, and
    /// each send waits on two commits besides its request, so fewer in flight left the dispatcher waiting rather
    /// than working (32: about 1,650 messages/s from a backlog on two cores; 64: 2,100–2,350).
    /// </summary>
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>Failure ratio over <see cref="CircuitSamplingDuration"/> that opens the circuit to Plivo.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    public int CircuitMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Idempotency keys are kept at least this long.</summary>
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Turns the background dispatcher off (for tests that drive it by hand).</summary>
    public bool Enabled { get; set; } = true;
}
