using WhatsApp.Api.Features.Messages.Interactive;
using WhatsApp.Api.Features.Messages.Location;
using WhatsApp.Api.Features.Messages.Template;
using WhatsApp.Domain.Messages;
using static WhatsApp.Api.Features.Messages.SendMessageRequestMapper;

namespace WhatsApp.Api.Features.Messages;

/// <summary>Maps the structured parts of a validated request (template, interactive, location) to domain content.</summary>
internal static class ContentRequestMapper
{
    public static TemplateContent ToContent(this TemplateRequest template) =>
        new(
            Required(template.Name, "template.name"),
            Required(template.Language, "template.language"),
            template.Components?.Select(component => ToContent(Required(component, "template.components[]"))).ToList());

    public static InteractiveContent ToContent(this InteractiveRequest interactive) =>
        new(
            Required(interactive.Type, "interactive.type"),
            interactive.Header is { } header ? new InteractiveHeader(Required(header.Type, "interactive.header.type"), header.Text, header.Media) : null,
            interactive.Body is { } body ? new InteractiveText(Required(body.Text, "interactive.body.text")) : null,
            interactive.Footer is { } footer ? new InteractiveText(Required(footer.Text, "interactive.footer.text")) : null,
            interactive.Action is { } action ? ToContent(action) : null);

    public static LocationContent ToContent(this LocationRequest location) =>
        new(Required(location.Latitude, "latitude"), Required(location.Longitude, "longitude"), location.Name, location.Address);

    private static TemplateComponent ToContent(TemplateComponentRequest component) =>
        new(
            Required(component.Type, "type"),
            component.SubType,
            component.Index,
            component.Parameters?.Select(parameter => ToContent(Required(parameter, "parameters[]"))).ToList());

    private static TemplateParameter ToContent(TemplateParameterRequest parameter) =>
        new(
            Required(parameter.Type, "type"),
            parameter.Text,
            parameter.Media,
            parameter.Payload,
            parameter.Currency is { } currency
                ? new TemplateCurrency(
                    Required(currency.FallbackValue, "fallback_value"),
                    Required(currency.CurrencyCode, "currency_code"),
                    currency.Amount1000 ?? throw Missing("amount_1000"))
                : null,
            parameter.DateTime is { } dateTime ? new TemplateDateTime(Required(dateTime.FallbackValue, "fallback_value")) : null,
            parameter.Location?.ToContent(),
            parameter.ParameterName);

    private static InteractiveAction ToContent(InteractiveActionRequest action) =>
        new(
            action.Buttons?.Select(button => Required(button, "buttons[]"))
                .Select(button => new InteractiveButton(button.Id, button.Title, button.CtaUrl))
                .ToList(),
            action.Sections?.Select(section => Required(section, "sections[]"))
                .Select(section => new InteractiveSection(
                    section.Title,
                    section.Rows?.Select(row => Required(row, "rows[]"))
                        .Select(row => new InteractiveRow(row.Id, row.Title, row.Description))
                        .ToList()))
                .ToList());
}
