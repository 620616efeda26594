using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.History;

/// <summary>One contact in the conversation list, with the latest message either way.</summary>
public sealed record ConversationRow(
    string Contact,
    string OurNumber,
    DateTimeOffset LastMessageAt,
    LastMessage? LastMessage,
    int InboundCount,
    int OutboundCount,
    int FailedCount,
    DateTimeOffset? LastInboundAt);

public sealed record LastMessage(Guid Id, MessageDirection Direction, MessageType Type, MessageStatus Status, string? Body, DateTimeOffset CreatedAt);
