namespace WhatsApp.Domain.Messages;

/// <summary>What a message carries. Outbound messages use the first five; inbound ones may be any.</summary>
public enum MessageType
{
    Text,
    Media,
    Template,
    Interactive,
    Location,
    Button,
    Unknown,
}
