namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoInteractiveHeader(string Type, string? Text, string? Media);
