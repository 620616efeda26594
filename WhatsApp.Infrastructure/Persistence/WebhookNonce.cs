namespace WhatsApp.Infrastructure.Persistence;

/// <summary>A signature nonce seen on a committed webhook; a second use within the replay window is rejected.</summary>
internal sealed class WebhookNonce(string nonce, DateTimeOffset seenAt)
{
    public string Nonce { get; private set; } = nonce;

    public DateTimeOffset SeenAt { get; set; } = seenAt;
}
