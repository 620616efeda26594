namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL only: one of a sender number's send permits, shared by every instance
/// (<see cref="Dispatch.SharedSenderPacer"/>). A sender has at most as many slots as its limit, created as they are
/// first needed and then reused; a slot is held while <see cref="ExpiresAt"/> is in the future.
/// </summary>
internal sealed class SenderPermit
{
    public string Sender { get; private set; } = string.Empty;

    public int Slot { get; private set; }

    /// <summary>Who holds it now, so that a release cannot shorten a slot another holder has taken since.</summary>
    public Guid Holder { get; private set; }

    public DateTime ExpiresAt { get; private set; }
}
