namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoInteractiveText(string Text);
