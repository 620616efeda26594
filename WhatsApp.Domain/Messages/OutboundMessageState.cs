namespace WhatsApp.Domain.Messages;

/// <summary>What weighing a status report needs of an outbound message.</summary>
public sealed record OutboundMessageState(Guid Id, MessageStatus Status, string Contact);
