namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoInteractiveButton(string? Id, string? Title, string? CtaUrl);
