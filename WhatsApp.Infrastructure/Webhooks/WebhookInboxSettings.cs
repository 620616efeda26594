namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>How long a webhook nonce stays "used" (<c>Plivo:Webhooks:NonceReplayWindow</c>).</summary>
public sealed record WebhookInboxSettings(TimeSpan NonceReplayWindow);
