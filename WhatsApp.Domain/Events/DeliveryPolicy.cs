namespace WhatsApp.Domain.Events;

/// <summary>
/// When an endpoint's deliveries are tried: the first attempt at once, then after each failure the next delay of
/// <see cref="Schedule"/> (Svix's by default: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h); a delivery whose schedule is
/// spent is failed. An endpoint failing for <see cref="DisableAfter"/> is disabled. A claimed delivery is its instance's
/// for <see cref="Lease"/> (beyond a POST's timeout), so one a crash cut off is tried again after it. Succeeded
/// deliveries, and events no delivery needs, are purged after <see cref="KeepSucceeded"/>.
/// </summary>
public sealed record DeliveryPolicy(IReadOnlyList<TimeSpan> Schedule, TimeSpan DisableAfter, TimeSpan SecretOverlap, TimeSpan Lease)
{
    public TimeSpan KeepSucceeded { get; init; } = TimeSpan.FromDays(7);

    public static IReadOnlyList<TimeSpan> SvixSchedule { get; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt; null when no attempt is left.</summary>
    public TimeSpan? DelayAfter(int attempts) => attempts >= 1 && attempts <= Schedule.Count ? Schedule[attempts - 1] : null;
}
