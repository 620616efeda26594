namespace WhatsApp.Api.Auth;

/// <summary>
/// Throttling of invalid API keys per client address (section <c>Auth:FailedAttempts</c>): after <see cref="Limit"/>
/// invalid keys within <see cref="Window"/>, further invalid keys from that address are answered 429 until the window
/// ends, so keys cannot be guessed at full speed. Meanwhile only a key that authenticated from that address within the
/// last hour still passes; any other key, valid or not, gets the same 429 (see <see cref="RecentAuthentications"/>).
/// </summary>
public sealed class FailedAuthenticationOptions
{
    public const string SectionName = "Auth:FailedAttempts";

    /// <summary>Invalid keys an address may present per window; <c>0</c> turns throttling off.</summary>
    public int Limit { get; set; } = 20;

    /// <summary>How long an address's failures count, from its first failure.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Addresses tracked at once; beyond it (a flood of distinct addresses) they share one allowance.</summary>
    public int MaxTrackedAddresses { get; set; } = 10_000;

    public bool Enabled => Limit > 0;
}
