using FluentValidation.TestHelper;
using WhatsApp.Api.Features.Messages.Template;
using WhatsApp.Api.Validation;
using WhatsApp.Tests.Builders;
using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class ErrorKeyFormatTests : ValidatorTestBase
{
    [Test]
    public void Validate_FourthButtonInvalid_KeysAreSnakeCaseJsonPaths()
    {
        var request = ReplyButtons(3).WithAction(a => a with { Buttons = [.. a.Buttons!, Button("btn-4", new string('x', 21))] });

        var result = CreateValidator().TestValidate(request);

        result.ShouldHaveValidationErrorFor("interactive.action.buttons");
        result.ShouldHaveValidationErrorFor("interactive.action.buttons[3].title");
    }

    [Test]
    public void Validate_NullFourthButton_KeyIsIndexedCollection()
    {
        var request = ReplyButtons(3).WithAction(a => a with { Buttons = [.. a.Buttons!, null] });

        AssertErrorKeys(request, "interactive.action.buttons", "interactive.action.buttons[3]");
    }

    [Test]
    public void Validate_CurrencyWithoutAmount_KeyUsesJsonPropertyName()
    {
        var currency = new TemplateParameterRequest { Type = "currency", Currency = new CurrencyRequest { FallbackValue = "$1", CurrencyCode = "USD" } };

        AssertErrorKeys(Template(Component("body", currency)), "template.components[0].parameters[0].currency.amount_1000");
    }

    [Test]
    public void Validate_MultiWordProperty_MessageUsesSnakeCaseName()
    {
        var failure = Validate(Media("ftp://cdn.example.com/a.png")).Errors.Single();

        Assert.That(failure.PropertyName, Is.EqualTo("media_urls[0]"));
        Assert.That(failure.ErrorMessage, Does.Contain("media_urls"));
    }

    [Test]
    public void Configure_CalledTwice_KeysUnchanged()
    {
        ValidationSetup.Configure();
        ValidationSetup.Configure();

        AssertErrorKeys(Text() with { MediaUrls = [] }, "media_urls");
    }
}
