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

    /// <summary>The provider certainly did not take it (refused connection, 429, 5xx, open circuit). Safe to resend.</summary>
    public sealed record RetryLater(string ErrorCode, string Reason, TimeSpan? RetryAfter = null) : SendResult;

    /// <summary>The request may have reached the provider (timeout, connection lost after sending). Never resend blindly.</summary>
    public sealed record OutcomeUnknown(string Reason) : SendResult;
}
