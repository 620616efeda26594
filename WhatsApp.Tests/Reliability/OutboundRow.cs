namespace WhatsApp.Tests.Reliability;

/// <summary>One outbound message row as stored.</summary>
internal sealed record OutboundRow(
    Guid Id, string Status, string? Body, int Attempts, string? ProviderMessageId, string? LeaseOwner, string? ErrorCode);
