namespace WhatsApp.Api.Auth;

/// <summary>What one invalid key did to its address's allowance.</summary>
/// <param name="Throttled">The address is over its limit: answer 429.</param>
/// <param name="JustThrottled">This failure crossed the limit (logged once per window).</param>
/// <param name="RetryAfter">Until the address's window ends.</param>
public readonly record struct FailedAuthentication(bool Throttled, bool JustThrottled, TimeSpan RetryAfter);
