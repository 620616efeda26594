namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoTemplate(string Name, string Language, IReadOnlyList<PlivoTemplateComponent>? Components);
