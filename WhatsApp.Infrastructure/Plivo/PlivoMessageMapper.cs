using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Plivo.Contracts;
using WhatsApp.Infrastructure.Webhooks;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>Turns a domain message into Plivo's send-message body. Only the part matching the message type is sent.</summary>
internal static class PlivoMessageMapper
{
    public const string WhatsAppType = "whatsapp";

    /// <exception cref="NotSupportedException">The message type cannot be sent (inbound-only types).</exception>
    public static PlivoSendMessageRequest ToRequest(Message message, PlivoOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);

        var content = message.Content;
        var request = new PlivoSendMessageRequest(Digits(message.From), Digits(message.To), WhatsAppType);
        request = message.Type switch
        {
            MessageType.Text => request with { Text = content.Text },
            MessageType.Media => request with { Text = content.Text, MediaUrls = MediaUrls(content.MediaUrl) },
            MessageType.Template => request with { Template = Map(Required(content.Template, message.Type)) },
            MessageType.Interactive => request with { Interactive = Map(Required(content.Interactive, message.Type)) },
            MessageType.Location => request with { Location = Map(Required(content.Location, message.Type)) },
            _ => throw new NotSupportedException($"Messages of type {message.Type} cannot be sent."),
        };

        var callbackUrl = StatusCallbackUrl(options, message.Id);
        return callbackUrl is null ? request : request with { Url = callbackUrl, Method = "POST" };
    }

    /// <summary>
    /// PublicBaseUrl + WebhookPath with exactly one slash between them, and the message's own id as <c>ref</c>, so its
    /// status reports find it even when the send's answer (and Plivo's uuid in it) never reached us; the V3 signature
    /// covers the query, so a <c>ref</c> cannot be forged. Null when no public URL is configured.
    /// </summary>
    public static string? StatusCallbackUrl(PlivoOptions options, Guid messageId)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PublicBaseUrl is null)
        {
            return null;
        }

        var url = options.PublicBaseUrl.AbsoluteUri.TrimEnd('/') + "/" + options.WebhookPath.TrimStart('/');
        return $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{StatusCallbackRef.Name}={messageId:D}";
    }

    // Plivo sanitises numbers itself, but sending digits only keeps '+' and spacing out of the wire format.
    private static string Digits(string number) => string.Concat(number.Where(char.IsAsciiDigit));

    private static string[]? MediaUrls(string? url) => string.IsNullOrWhiteSpace(url) ? null : [url];

    private static T Required<T>(T? part, MessageType type)
        where T : class =>
        part ?? throw new NotSupportedException($"A {type} message has no {typeof(T).Name}.");

    private static PlivoTemplate Map(TemplateContent template) =>
        new(template.Name, template.Language, template.Components?.Select(Map).ToArray());

    private static PlivoTemplateComponent Map(TemplateComponent component) =>
        new(component.Type, component.SubType, component.Index, component.Parameters?.Select(Map).ToArray());

    private static PlivoTemplateParameter Map(TemplateParameter parameter) =>
        new(
            parameter.Type,
            parameter.Text,
            parameter.Media,
            parameter.Payload,
            parameter.Currency is { } c ? new PlivoCurrency(c.FallbackValue, c.CurrencyCode, c.Amount1000) : null,
            parameter.DateTime is { } d ? new PlivoDateTime(d.FallbackValue) : null,
            parameter.Location is { } l ? Map(l) : null,
            parameter.ParameterName);

    private static PlivoInteractive Map(InteractiveContent interactive) =>
        new(
            interactive.Type,
            interactive.Header is { } h ? new PlivoInteractiveHeader(h.Type, h.Text, h.Media) : null,
            interactive.Body is { } b ? new PlivoInteractiveText(b.Text) : null,
            interactive.Footer is { } f ? new PlivoInteractiveText(f.Text) : null,
            interactive.Action is { } a ? Map(a) : null);

    private static PlivoInteractiveAction Map(InteractiveAction action) =>
        new(
            action.Buttons?.Select(b => new PlivoInteractiveButton(b.Id, b.Title, b.CtaUrl)).ToArray(),
            action.Sections?.Select(s => new PlivoInteractiveSection(
                s.Title,
                s.Rows?.Select(r => new PlivoInteractiveRow(r.Id, r.Title, r.Description)).ToArray())).ToArray());

    private static PlivoLocation Map(LocationContent location) =>
        new(location.Latitude, location.Longitude, location.Name, location.Address);
}
