namespace WhatsApp.Api.Features.Messages;

public sealed record ConversationResponse(string? Id, string? Origin, DateTimeOffset? ExpiresAt);
