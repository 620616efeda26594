namespace WhatsApp.Api.Features.History;

/// <summary>One contact in the conversation list.</summary>
public sealed record ConversationSummaryResponse(
    string Contact,
    string OurNumber,
    LastMessageResponse? LastMessage,
    int InboundCount,
    int OutboundCount,
    int FailedCount,
    DateTimeOffset? LastInboundAt,
    bool WindowOpen,
    DateTimeOffset? WindowClosesAt);

/// <summary>The latest message either way; <c>Preview</c> is at most 100 characters of its text.</summary>
public sealed record LastMessageResponse(Guid Id, string Direction, string Type, string Status, string? Preview, DateTimeOffset CreatedAt);
