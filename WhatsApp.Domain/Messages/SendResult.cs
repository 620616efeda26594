namespace WhatsApp.Domain.Messages;

/// <summary>What a provider said about one send attempt, reduced to what the dispatcher must decide.</summary>
public abstract record SendResult
{
    private SendResult()
    {
    }

    /// <summary>The provider took the message and gave it an id.</summary>
    public sealed record Accepted(string ProviderMessageId) : SendResult;

    /// <summary>The provider refused it for good (bad number, auth, permission). Retrying would not help.</summary>
    public sealed record Rejected(string ErrorCode, string Reason) : SendResult;

    /// <summary>
    /// The provider certainly did not take it: no connection was made (refused, reset before the request was written),
    /// it answered 408, 429 or 503, or the circuit is open. Safe to resend. A 500, 502, 504 or other 5xx is not proof
    /// and is <see cref="OutcomeUnknown"/>.
    /// </summary>
    public sealed record RetryLater(string ErrorCode, string Reason, TimeSpan? RetryAfter = null) : SendResult;

    /// <summary>
    /// The request may have reached the provider (a timeout or a lost connection after the request was written, a 5xx
    /// other than 503). Never resend blindly.
    /// </summary>
    public sealed record OutcomeUnknown(string Reason) : SendResult;
}
