namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoTemplateComponent(
    string Type,
    string? SubType,
    string? Index,
    IReadOnlyList<PlivoTemplateParameter>? Parameters);
