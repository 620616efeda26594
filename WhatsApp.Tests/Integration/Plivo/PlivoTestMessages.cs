using WhatsApp.Domain.Messages;

namespace WhatsApp.Tests.Integration.Plivo;

/// <summary>One outbound message per type, with the values the wire-format tests expect.</summary>
public static class PlivoTestMessages
{
    public const string From = "+14155550100";
    public const string To = "+919999999999";

    private static readonly DateTimeOffset CreatedAt = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static Message Create(MessageType type, MessageContent content) =>
        Message.CreateOutbound(Guid.NewGuid(), From, To, type, content, "tests", CreatedAt);

    public static Message Text(string text = "Hello from the tests") => Create(MessageType.Text, MessageContent.ForText(text));

    public static Message Media() =>
        Create(MessageType.Media, MessageContent.ForMedia("https://cdn.example.com/receipt.jpg", "Your receipt"));

    public static Message Template() => Create(MessageType.Template, new MessageContent(Template: new TemplateContent(
        "sample_purchase_feedback",
        "en_US",
        [
            new TemplateComponent("header", null, null, [new TemplateParameter("media", Media: "https://cdn.example.com/header.jpg")]),
            new TemplateComponent("body", null, null,
            [
                new TemplateParameter("text", Text: "Ada", ParameterName: "customer"),
                new TemplateParameter("currency", Currency: new TemplateCurrency("$12.50", "USD", 12500)),
                new TemplateParameter("date_time", DateTime: new TemplateDateTime("June 1, 2026")),
            ]),
            new TemplateComponent("button", "quick_reply", "0", [new TemplateParameter("payload", Payload: "feedback-yes")]),
            new TemplateComponent("button", "url", "1", [new TemplateParameter("text", Text: "orders/42")]),
        ])));

    public static Message InteractiveButtons() => Create(MessageType.Interactive, new MessageContent(Interactive: new InteractiveContent(
        "button",
        new InteractiveHeader("text", "Your order", null),
        new InteractiveText("Confirm delivery tomorrow?"),
        new InteractiveText("Reply below"),
        new InteractiveAction([new InteractiveButton("yes", "Yes", null), new InteractiveButton("no", "No", null)], null))));

    public static Message InteractiveList() => Create(MessageType.Interactive, new MessageContent(Interactive: new InteractiveContent(
        "list",
        new InteractiveHeader("text", "Menu", null),
        new InteractiveText("Pick a drink"),
        null,
        new InteractiveAction(
            [new InteractiveButton(null, "Options", null)],
            [new InteractiveSection("Drinks", [new InteractiveRow("tea", "Tea", "Hot"), new InteractiveRow("juice", "Juice", null)])]))));

    public static Message InteractiveCtaUrl() => Create(MessageType.Interactive, new MessageContent(Interactive: new InteractiveContent(
        "cta_url",
        new InteractiveHeader("media", null, "https://cdn.example.com/banner.png"),
        new InteractiveText("See your order"),
        null,
        new InteractiveAction([new InteractiveButton(null, "Open", "https://shop.example.com/orders/42")], null))));

    public static Message Location() => Create(MessageType.Location, new MessageContent(
        Location: new LocationContent("37.483307", "122.148981", "Plivo", "Palo Alto")));
}
