using WhatsApp.Api.Features.Messages.Interactive;
using WhatsApp.Tests.Builders;
using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

/// <summary>Rules shared by every interactive type, and reply buttons.</summary>
public sealed class InteractiveMessageValidatorTests : ValidatorTestBase
{
    [TestCase(1)]
    [TestCase(3)]
    public void Validate_ReplyButtonCountInRange_HasNoErrors(int count) => AssertValid(ReplyButtons(count));

    [Test]
    public void Validate_MediaHeaderAndNoFooter_HasNoErrors() =>
        AssertValid(ReplyButtons().WithInteractive(i => i with { Header = MediaHeader("https://cdn.example.com/a.png"), Footer = null }));

    [Test]
    public void Validate_InteractiveMissing_ErrorOnInteractive() =>
        AssertErrorKeys(ReplyButtons() with { Interactive = null }, "interactive");

    [TestCase("reply")]
    [TestCase("product")]
    [TestCase(null)]
    public void Validate_UnknownInteractiveType_ErrorOnInteractiveType(string? type) =>
        AssertErrorKeys(ReplyButtons().WithInteractive(i => i with { Type = type }), "interactive.type");

    [Test]
    public void Validate_BodyMissing_ErrorOnBody() =>
        AssertErrorKeys(ReplyButtons().WithInteractive(i => i with { Body = null }), "interactive.body");

    [TestCase("")]
    [TestCase(null)]
    public void Validate_BodyTextEmpty_ErrorOnBodyText(string? text) =>
        AssertErrorKeys(ReplyButtons().WithInteractive(i => i with { Body = new() { Text = text } }), "interactive.body.text");

    [Test]
    public void Validate_Body1025Chars_ErrorOnBodyText() =>
        AssertErrorKeys(ReplyButtons().WithInteractive(i => i with { Body = new() { Text = new string('b', 1025) } }), "interactive.body.text");

    [Test]
    public void Validate_HeaderText61Chars_ErrorOnHeaderText() =>
        AssertErrorKeys(
            ReplyButtons().WithInteractive(i => i with { Header = new() { Type = "text", Text = new string('h', 61) } }),
            "interactive.header.text");

    [TestCase("ftp://cdn.example.com/a.png")]
    [TestCase(null)]
    public void Validate_BadMediaHeader_ErrorOnHeaderMedia(string? media) =>
        AssertErrorKeys(ReplyButtons().WithInteractive(i => i with { Header = MediaHeader(media) }), "interactive.header.media");

    [Test]
    public void Validate_UnknownHeaderType_ErrorOnHeaderType() =>
        AssertErrorKeys(ReplyButtons().WithInteractive(i => i with { Header = new() { Type = "video" } }), "interactive.header.type");

    [Test]
    public void Validate_Footer61Chars_ErrorOnFooterText() =>
        AssertErrorKeys(ReplyButtons().WithInteractive(i => i with { Footer = new() { Text = new string('f', 61) } }), "interactive.footer.text");

    [Test]
    public void Validate_ActionMissing_ErrorOnAction() =>
        AssertErrorKeys(ReplyButtons().WithInteractive(i => i with { Action = null }), "interactive.action");

    [Test]
    public void Validate_NoButtons_ErrorOnButtons() => AssertErrorKeys(ReplyButtons().WithButtons(), "interactive.action.buttons");

    [Test]
    public void Validate_FourButtons_ErrorOnButtons() => AssertErrorKeys(ReplyButtons(4), "interactive.action.buttons");

    [Test]
    public void Validate_DuplicateTitleIgnoringCase_ErrorOnSecondTitle() =>
        AssertErrorKeys(
            ReplyButtons().WithButtons(Button("a", "Yes"), Button("b", "No"), Button("c", "YES")),
            "interactive.action.buttons[2].title");

    [Test]
    public void Validate_Title21Chars_ErrorOnTitle() =>
        AssertErrorKeys(ReplyButtons().WithButtons(Button("a", new string('t', 21))), "interactive.action.buttons[0].title");

    [Test]
    public void Validate_Id257Chars_ErrorOnId() =>
        AssertErrorKeys(ReplyButtons().WithButtons(Button(new string('i', 257), "Yes")), "interactive.action.buttons[0].id");

    [TestCase(null, "Yes", "interactive.action.buttons[0].id", TestName = "Validate_ReplyButtonWithoutId_ErrorOnId")]
    [TestCase("a", "", "interactive.action.buttons[0].title", TestName = "Validate_ReplyButtonWithoutTitle_ErrorOnTitle")]
    public void Validate_ReplyButtonMissingField_ErrorOnField(string? id, string? title, string key) =>
        AssertErrorKeys(ReplyButtons().WithButtons(Button(id, title)), key);

    [Test]
    public void Validate_ReplyButtonWithCtaUrl_ErrorOnCtaUrl() =>
        AssertErrorKeys(
            ReplyButtons().WithButtons(Button("a", "Yes") with { CtaUrl = "https://example.com" }),
            "interactive.action.buttons[0].cta_url");

    [Test]
    public void Validate_ReplyButtonsWithSections_ErrorOnSections() =>
        AssertErrorKeys(ReplyButtons().WithAction(a => a with { Sections = [Section(null, Row("r", "Row"))] }), "interactive.action.sections");

    private static InteractiveHeaderRequest MediaHeader(string? media) => new() { Type = "media", Media = media };
}
