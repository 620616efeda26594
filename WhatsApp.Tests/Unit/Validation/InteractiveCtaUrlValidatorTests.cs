using WhatsApp.Api.Features.Messages.Interactive;
using WhatsApp.Tests.Builders;
using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class InteractiveCtaUrlValidatorTests : ValidatorTestBase
{
    [TestCase("http://example.com/track/42", TestName = "Validate_CtaUrlWithHttp_ErrorOnCtaUrl")]
    [TestCase("/track/42", TestName = "Validate_CtaUrlRelative_ErrorOnCtaUrl")]
    [TestCase(null, TestName = "Validate_CtaUrlMissing_ErrorOnCtaUrl")]
    public void Validate_BadCtaUrl_ErrorOnCtaUrl(string? url) =>
        AssertErrorKeys(CtaUrl(url), "interactive.action.buttons[0].cta_url");

    [Test]
    public void Validate_TwoButtons_ErrorOnButtons() =>
        AssertErrorKeys(CtaUrl().WithButtons(Link("One"), Link("Two")), "interactive.action.buttons");

    [Test]
    public void Validate_NoButtons_ErrorOnButtons() => AssertErrorKeys(CtaUrl().WithButtons(), "interactive.action.buttons");

    [TestCase(null)]
    [TestCase("Twenty-one characters")]
    public void Validate_BadTitle_ErrorOnTitle(string? title) =>
        AssertErrorKeys(CtaUrl().WithButtons(Link(title)), "interactive.action.buttons[0].title");

    [Test]
    public void Validate_WithSections_ErrorOnSections() =>
        AssertErrorKeys(CtaUrl().WithAction(a => a with { Sections = [Section(null, Row("r", "Row"))] }), "interactive.action.sections");

    private static InteractiveButtonRequest Link(string? title) => new() { Title = title, CtaUrl = "https://example.com/track/42" };
}
