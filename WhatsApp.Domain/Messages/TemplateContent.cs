namespace WhatsApp.Domain.Messages;

/// <summary>An approved WhatsApp template and the values for its variables (Plivo's <c>template</c> object).</summary>
public sealed record TemplateContent(string Name, string Language, IReadOnlyList<TemplateComponent>? Components);

public sealed record TemplateComponent(string Type, string? SubType, string? Index, IReadOnlyList<TemplateParameter>? Parameters);

public sealed record TemplateParameter(
    string Type,
    string? Text = null,
    string? Media = null,
    string? Payload = null,
    TemplateCurrency? Currency = null,
    TemplateDateTime? DateTime = null,
    LocationContent? Location = null,
    string? ParameterName = null);

public sealed record TemplateCurrency(string FallbackValue, string CurrencyCode, long Amount1000);

public sealed record TemplateDateTime(string FallbackValue);
