namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoDateTime(string FallbackValue);
