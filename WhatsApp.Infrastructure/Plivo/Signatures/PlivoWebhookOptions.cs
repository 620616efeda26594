namespace WhatsApp.Infrastructure.Plivo.Signatures;

/// <summary>How webhooks from Plivo are authenticated (section <c>Plivo:Webhooks</c>).</summary>
public sealed class PlivoWebhookOptions
{
    public const string SectionName = "Plivo:Webhooks";

    /// <summary>
    /// Reject webhooks without a valid Plivo signature. Turning it off is honoured only in Development; anywhere else
    /// start-up fails and requests are still checked.
    /// </summary>
    public bool ValidateSignatures { get; set; } = true;

    /// <summary>
    /// Accept the legacy V2 signature when a request carries no V3 header. Off by default: V2 signs only the URL and
    /// nonce, not the query or the body.
    /// </summary>
    public bool AllowV2Signatures { get; set; }

    /// <summary>
    /// Tokens tried besides <c>Plivo:AuthToken</c> (which is always tried): the main account's token when we run as a
    /// subaccount (it signs the <c>-Ma-</c> headers), or the old and new token while rotating. Secrets: never logged.
    /// </summary>
    public IList<string> AdditionalAuthTokens { get; } = [];

    /// <summary>How long a seen nonce is remembered to reject replays; keep it above Plivo's retry horizon (~7 min).</summary>
    public TimeSpan NonceReplayWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Every token a signature may be made with: the primary auth token, then the additional ones; non-empty, distinct.</summary>
    public static IReadOnlyList<string> AuthTokensToTry(PlivoOptions plivo, PlivoWebhookOptions webhooks)
    {
        ArgumentNullException.ThrowIfNull(plivo);
        ArgumentNullException.ThrowIfNull(webhooks);
        return [.. webhooks.AdditionalAuthTokens.Prepend(plivo.AuthToken)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t!)
            .Distinct(StringComparer.Ordinal)];
    }
}
