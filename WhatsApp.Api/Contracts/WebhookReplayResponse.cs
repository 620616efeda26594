namespace WhatsApp.Api.Contracts;

public sealed record WebhookReplayResponse(Guid Id, string Outcome);
