namespace WhatsApp.Api.Contracts;

public sealed record ConversationResponse(string? Id, string? Origin, DateTimeOffset? ExpiresAt);
