namespace WhatsApp.Domain.Messages;

public enum MessageDirection
{
    Outbound,
    Inbound,
}
