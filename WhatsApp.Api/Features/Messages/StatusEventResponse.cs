namespace WhatsApp.Api.Features.Messages;

/// <summary>One delivery report in a message's status history.</summary>
public sealed record StatusEventResponse(
    string Status, string? Sequence, DateTimeOffset? ProviderTime, DateTimeOffset ReceivedAt, string? ErrorCode, string? Reason);
