namespace WhatsApp.Domain.Webhooks;

/// <summary>How long a webhook's nonce is remembered: the same nonce within it is a replay.</summary>
public sealed record WebhookPolicy(TimeSpan NonceReplayWindow);
