namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoInteractiveRow(string? Id, string? Title, string? Description);
