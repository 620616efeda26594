namespace WhatsApp.Domain.Messages;

/// <summary>What weighing a status report (and telling of the change) needs of an outbound message.</summary>
public sealed record OutboundMessageState(Guid Id, MessageStatus Status, string Contact, string From);
