namespace WhatsApp.Api.Features.Messages;

/// <summary>A message as <c>GET /api/messages/{id}</c> shows it.</summary>
public sealed record MessageResponse
{
    public required Guid Id { get; init; }

    public required string Direction { get; init; }

    public required string Type { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required string Status { get; init; }

    /// <summary>Text, or the caption of a media message.</summary>
    public string? Body { get; init; }

    public string? MediaUrl { get; init; }

    public string? TemplateName { get; init; }

    public string? ProviderMessageId { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorReason { get; init; }

    public int Attempts { get; init; }

    /// <summary>Accepted although the customer service window was closed (window policy Warn).</summary>
    public bool OutsideWindow { get; init; }

    public ConversationResponse? Conversation { get; init; }

    /// <summary>The message this one resends (<c>POST /api/messages/{id}/resend</c>).</summary>
    public Guid? ResendOf { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The keys and values given on send (also in every event of the message); null when none.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The inbox user who wrote it (an agent's reply); null when an API client sent it.</summary>
    public string? SentBy { get; init; }

    /// <summary>Delivery reports from the provider, oldest first.</summary>
    public IReadOnlyList<StatusEventResponse> StatusHistory { get; init; } = [];

    /// <summary>Only for inbound messages.</summary>
    public InboundDetailsResponse? Inbound { get; init; }
}
