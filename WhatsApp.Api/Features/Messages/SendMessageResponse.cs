namespace WhatsApp.Api.Features.Messages;

/// <summary>The 202 answer to a send request.</summary>
public sealed record SendMessageResponse(Guid Id, string Status, DateTimeOffset CreatedAt);
