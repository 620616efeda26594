using WhatsApp.Domain.Contacts;
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
    DateTimeOffset? LastInboundAt,
    ConversationState State = ConversationState.Open,
    string? AssignedTo = null,
    bool AwaitingReply = false);

public sealed record LastMessage(Guid Id, MessageDirection Direction, MessageType Type, MessageStatus Status, string? Body, DateTimeOffset CreatedAt);
