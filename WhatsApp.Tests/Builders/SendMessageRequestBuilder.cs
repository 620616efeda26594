using WhatsApp.Api.Features.Messages;
using WhatsApp.Api.Features.Messages.Interactive;
using WhatsApp.Api.Features.Messages.Location;
using WhatsApp.Api.Features.Messages.Template;

namespace WhatsApp.Tests.Builders;

/// <summary>Valid send requests, one per message type; tests break one field at a time with <c>with</c>.</summary>
public static class SendMessageRequestBuilder
{
    public const string Recipient = "+14155552671";

    public static SendMessageRequest Text(string? message = "Hello from the gateway") =>
        new() { To = Recipient, Type = "text", Message = message };

    public static SendMessageRequest Media(params string?[] urls) =>
        new()
        {
            To = Recipient,
            Type = "media",
            Message = "Your receipt",
            MediaUrls = urls.Length == 0 ? ["https://cdn.example.com/receipt.png"] : urls,
        };

    /// <summary>Plivo's sample_purchase_feedback shape: media header, text body, quick-reply and URL buttons.</summary>
    public static SendMessageRequest Template(params TemplateComponentRequest?[] components) =>
        new()
        {
            To = Recipient,
            Type = "template",
            Template = new TemplateRequest
            {
                Name = "sample_purchase_feedback",
                Language = "en_US",
                Components = components.Length > 0 ? components :
                [
                    Component("header", TemplateParameter("media", media: "https://cdn.example.com/header.png")),
                    Component("body", TemplateParameter("text", text: "Ada")),
                    ButtonComponent("quick_reply", "0", TemplateParameter("payload", payload: "feedback-yes")),
                    ButtonComponent("url", "1", TemplateParameter("text", text: "order/42")),
                ],
            },
        };

    public static SendMessageRequest ReplyButtons(int count = 2) =>
        Interactive(new InteractiveRequest
        {
            Type = "button",
            Header = new InteractiveHeaderRequest { Type = "text", Text = "Your order" },
            Body = new InteractiveTextRequest { Text = "Did it arrive?" },
            Footer = new InteractiveTextRequest { Text = "Reply to let us know" },
            Action = new InteractiveActionRequest
            {
                Buttons = [.. Enumerable.Range(1, count).Select(i => Button($"btn-{i}", $"Option {i}"))],
            },
        });

    public static SendMessageRequest List(params InteractiveSectionRequest?[] sections) =>
        Interactive(new InteractiveRequest
        {
            Type = "list",
            Header = new InteractiveHeaderRequest { Type = "text", Text = "Menu" },
            Body = new InteractiveTextRequest { Text = "Pick a delivery slot" },
            Action = new InteractiveActionRequest
            {
                Buttons = [new InteractiveButtonRequest { Title = "See slots" }],
                Sections = sections.Length > 0 ? sections : [Section("Morning", Row("am-8", "8:00"), Row("am-10", "10:00"))],
            },
        });

    public static SendMessageRequest CtaUrl(string? url = "https://example.com/track/42") =>
        Interactive(new InteractiveRequest
        {
            Type = "cta_url",
            Header = new InteractiveHeaderRequest { Type = "media", Media = "https://cdn.example.com/map.png" },
            Body = new InteractiveTextRequest { Text = "Track your parcel" },
            Action = new InteractiveActionRequest { Buttons = [new InteractiveButtonRequest { Title = "Track", CtaUrl = url }] },
        });

    public static SendMessageRequest Location(string? latitude = "37.483307", string? longitude = "-122.148981") =>
        new()
        {
            To = Recipient,
            Type = "location",
            Location = new LocationRequest { Latitude = latitude, Longitude = longitude, Name = "Plivo HQ", Address = "Palo Alto" },
        };

    public static SendMessageRequest Interactive(InteractiveRequest interactive) =>
        new() { To = Recipient, Type = "interactive", Interactive = interactive };

    public static TemplateComponentRequest Component(string type, params TemplateParameterRequest?[] parameters) =>
        new() { Type = type, Parameters = parameters.Length > 0 ? parameters : null };

    public static TemplateComponentRequest ButtonComponent(string? subType, string? index, params TemplateParameterRequest?[] parameters) =>
        new() { Type = "button", SubType = subType, Index = index, Parameters = parameters };

    public static TemplateParameterRequest TemplateParameter(string type, string? text = null, string? media = null, string? payload = null) =>
        new() { Type = type, Text = text, Media = media, Payload = payload };

    public static InteractiveButtonRequest Button(string? id, string? title) => new() { Id = id, Title = title };

    public static InteractiveSectionRequest Section(string? title, params InteractiveRowRequest?[] rows) => new() { Title = title, Rows = rows };

    public static InteractiveRowRequest Row(string? id, string? title, string? description = null) =>
        new() { Id = id, Title = title, Description = description };
}
