namespace WhatsApp.Api.Features.AdminWebhooks;

public sealed record WebhookReplayResponse(Guid Id, string Outcome);
