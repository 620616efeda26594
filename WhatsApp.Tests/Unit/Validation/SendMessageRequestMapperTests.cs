using WhatsApp.Api.Features.Messages;
using WhatsApp.Api.Features.Messages.Template;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Services;
using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class SendMessageRequestMapperTests
{
    private const string DefaultSender = "+14155550100";

    [Test]
    public void ToCommand_Text_MapsAddressingAndBody()
    {
        var command = Map(Text("Hi") with { Type = null });

        Assert.That(command, Is.EqualTo(new SendMessageCommand(
            DefaultSender, Recipient, MessageType.Text, MessageContent.ForText("Hi"), "crm", "key-1", "fp")));
    }

    [Test]
    public void ToCommand_ExplicitFrom_UsesIt() =>
        Assert.That(Map(Text() with { From = "+14155550101" }).From, Is.EqualTo("+14155550101"));

    [Test]
    public void ToCommand_Media_MapsUrlAndCaption()
    {
        var command = Map(Media("https://cdn.example.com/a.png"));

        Assert.That(command.Type, Is.EqualTo(MessageType.Media));
        Assert.That(command.Content, Is.EqualTo(MessageContent.ForMedia("https://cdn.example.com/a.png", "Your receipt")));
    }

    [Test]
    public void ToCommand_Template_MapsComponentsAndParameters()
    {
        var template = Map(Template()).Content.Template!;

        Assert.That((template.Name, template.Language), Is.EqualTo(("sample_purchase_feedback", "en_US")));
        Assert.That(template.Components!.Select(c => (c.Type, c.SubType, c.Index)), Is.EqualTo(new (string, string?, string?)[]
        {
            ("header", null, null), ("body", null, null), ("button", "quick_reply", "0"), ("button", "url", "1"),
        }));
        Assert.That(template.Components![0].Parameters!.Single(), Is.EqualTo(new TemplateParameter("media", Media: "https://cdn.example.com/header.png")));
        Assert.That(template.Components![2].Parameters!.Single(), Is.EqualTo(new TemplateParameter("payload", Payload: "feedback-yes")));
    }

    [Test]
    public void ToCommand_TemplateCurrency_MapsAmount()
    {
        var parameter = new TemplateParameterRequest
        {
            Type = "currency",
            Currency = new CurrencyRequest { FallbackValue = "$12.99", CurrencyCode = "USD", Amount1000 = 12990 },
        };

        var mapped = Map(Template(Component("body", parameter))).Content.Template!.Components!.Single().Parameters!.Single();

        Assert.That(mapped.Currency, Is.EqualTo(new TemplateCurrency("$12.99", "USD", 12990)));
    }

    [Test]
    public void ToCommand_InteractiveList_MapsHeaderBodyAndAction()
    {
        var command = Map(List());
        var interactive = command.Content.Interactive!;

        Assert.That(command.Type, Is.EqualTo(MessageType.Interactive));
        Assert.That(interactive.Type, Is.EqualTo("list"));
        Assert.That(interactive.Header, Is.EqualTo(new InteractiveHeader("text", "Menu", null)));
        Assert.That(interactive.Body, Is.EqualTo(new InteractiveText("Pick a delivery slot")));
        Assert.That(interactive.Footer, Is.Null);
        Assert.That(interactive.Action!.Buttons!.Single(), Is.EqualTo(new InteractiveButton(null, "See slots", null)));
        Assert.That(interactive.Action.Sections!.Single().Title, Is.EqualTo("Morning"));
        Assert.That(interactive.Action.Sections!.Single().Rows, Is.EqualTo(new[] { new InteractiveRow("am-8", "8:00", null), new InteractiveRow("am-10", "10:00", null) }));
    }

    [Test]
    public void ToCommand_ReplyButtons_MapsIdsTitlesAndFooter()
    {
        var interactive = Map(ReplyButtons(2)).Content.Interactive!;

        Assert.That(interactive.Type, Is.EqualTo("button"));
        Assert.That(interactive.Footer, Is.EqualTo(new InteractiveText("Reply to let us know")));
        Assert.That(interactive.Action!.Buttons, Is.EqualTo(new[] { new InteractiveButton("btn-1", "Option 1", null), new InteractiveButton("btn-2", "Option 2", null) }));
        Assert.That(interactive.Action.Sections, Is.Null);
    }

    [Test]
    public void ToCommand_InteractiveCtaUrl_MapsLinkButton() =>
        Assert.That(
            Map(CtaUrl()).Content.Interactive!.Action!.Buttons!.Single(),
            Is.EqualTo(new InteractiveButton(null, "Track", "https://example.com/track/42")));

    [Test]
    public void ToCommand_Location_KeepsCoordinatesAsLiteralStrings()
    {
        var command = Map(Location("37.4000", "-122.1"));

        Assert.That(command.Type, Is.EqualTo(MessageType.Location));
        Assert.That(command.Content, Is.EqualTo(new MessageContent(Location: new LocationContent("37.4000", "-122.1", "Plivo HQ", "Palo Alto"))));
    }

    [Test]
    public void ToCommand_UnknownType_Throws() =>
        Assert.That(() => Map(Text() with { Type = "sms" }), Throws.ArgumentException);

    private static SendMessageCommand Map(SendMessageRequest request) => request.ToCommand(DefaultSender, "crm", "key-1", "fp");
}
