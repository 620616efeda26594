namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoInteractiveSection(string? Title, IReadOnlyList<PlivoInteractiveRow>? Rows);
