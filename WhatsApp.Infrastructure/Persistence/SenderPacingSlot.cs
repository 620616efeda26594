namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL only: the next free send slots of one sender number, shared by every instance
/// (<see cref="Dispatch.SharedSenderPacer"/>). A reservation and the send gate each move their own slot forward.
/// </summary>
internal sealed class SenderPacingSlot
{
    public string Sender { get; private set; } = string.Empty;

    public DateTime NextReservation { get; private set; }

    public DateTime NextSend { get; private set; }
}
