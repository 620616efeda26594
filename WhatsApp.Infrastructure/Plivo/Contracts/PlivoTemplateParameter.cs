namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoTemplateParameter(
    string Type,
    string? Text,
    string? Media,
    string? Payload,
    PlivoCurrency? Currency,
    PlivoDateTime? DateTime,
    PlivoLocation? Location,
    string? ParameterName);
