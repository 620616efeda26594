namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL only: the next free reservation slot of one sender number, shared by every instance
/// (<see cref="Dispatch.SharedSenderPacer"/>); the send gate's permits are <see cref="SenderPermit"/> rows.
/// </summary>
internal sealed class SenderPacingSlot
{
    public string Sender { get; private set; } = string.Empty;

    public DateTime NextReservation { get; private set; }
}
