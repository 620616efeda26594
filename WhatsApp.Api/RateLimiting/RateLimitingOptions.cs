namespace WhatsApp.Api.RateLimiting;

/// <summary>
/// Per-API-key rate limit (section <c>RateLimiting</c>): a token bucket per key that holds <see cref="Burst"/>
/// requests and refills <see cref="PermitsPerSecond"/> every second. Health checks and Plivo's signed webhooks are
/// never limited.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Sustained requests per second per key; <c>0</c> turns the limiter off.</summary>
    public int PermitsPerSecond { get; set; } = 1_000;

    /// <summary>Requests a key may make at once after being idle; at least <see cref="PermitsPerSecond"/>.</summary>
    public int Burst { get; set; } = 2_000;

    public bool Enabled => PermitsPerSecond > 0;
}
