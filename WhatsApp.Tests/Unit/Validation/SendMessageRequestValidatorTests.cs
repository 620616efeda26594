using WhatsApp.Api.Features.Messages;
using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class SendMessageRequestValidatorTests : ValidatorTestBase
{
    private static IEnumerable<TestCaseData> ValidRequests()
    {
        yield return new TestCaseData(Text()).SetArgDisplayNames("text");
        yield return new TestCaseData(Text() with { Type = null }).SetArgDisplayNames("text, type absent");
        yield return new TestCaseData(Media()).SetArgDisplayNames("media");
        yield return new TestCaseData(Template()).SetArgDisplayNames("template");
        yield return new TestCaseData(ReplyButtons(3)).SetArgDisplayNames("interactive button");
        yield return new TestCaseData(List()).SetArgDisplayNames("interactive list");
        yield return new TestCaseData(CtaUrl()).SetArgDisplayNames("interactive cta_url");
        yield return new TestCaseData(Location()).SetArgDisplayNames("location");
        yield return new TestCaseData(Text() with { From = SecondSender }).SetArgDisplayNames("configured from");
        yield return new TestCaseData(Text() with { To = "+12345678" }).SetArgDisplayNames("8-digit to");
        yield return new TestCaseData(Text() with { To = "+123456789012345" }).SetArgDisplayNames("15-digit to");
    }

    private static IEnumerable<TestCaseData> FieldsOfAnotherType()
    {
        yield return Case(Text() with { Template = Template().Template }, "template");
        yield return Case(Text() with { MediaUrls = ["https://cdn.example.com/a.png"] }, "media_urls");
        yield return Case(Text() with { Interactive = ReplyButtons().Interactive }, "interactive");
        yield return Case(Text() with { Location = Location().Location }, "location");
        yield return Case(Media() with { Template = Template().Template }, "template");
        yield return Case(Media() with { Location = Location().Location }, "location");
        yield return Case(Template() with { Message = "hi" }, "message");
        yield return Case(Template() with { MediaUrls = ["https://cdn.example.com/a.png"] }, "media_urls");
        yield return Case(Template() with { Interactive = ReplyButtons().Interactive }, "interactive");
        yield return Case(ReplyButtons() with { Message = "hi" }, "message");
        yield return Case(ReplyButtons() with { Template = Template().Template }, "template");
        yield return Case(Location() with { Message = "hi" }, "message");
        yield return Case(Location() with { Interactive = CtaUrl().Interactive }, "interactive");

        static TestCaseData Case(SendMessageRequest request, string key) =>
            new TestCaseData(request, key).SetArgDisplayNames($"{request.Type} with {key}");
    }

    [TestCaseSource(nameof(ValidRequests))]
    public void Validate_ValidRequest_HasNoErrors(SendMessageRequest request) => AssertValid(request);

    [TestCase("14155552671", TestName = "Validate_ToWithoutPlus_ErrorOnTo")]
    [TestCase("+04155552671", TestName = "Validate_ToWithLeadingZero_ErrorOnTo")]
    [TestCase("+1234567", TestName = "Validate_ToWithSevenDigits_ErrorOnTo")]
    [TestCase("+1234567890123456", TestName = "Validate_ToWithSixteenDigits_ErrorOnTo")]
    [TestCase("+1415555CALL", TestName = "Validate_ToWithLetters_ErrorOnTo")]
    [TestCase("+1 415 555 2671", TestName = "Validate_ToWithSpaces_ErrorOnTo")]
    [TestCase("", TestName = "Validate_ToEmpty_ErrorOnTo")]
    [TestCase(null, TestName = "Validate_ToMissing_ErrorOnTo")]
    public void Validate_BadTo_ErrorOnTo(string? to) => AssertErrorKeys(Text() with { To = to }, "to");

    [TestCase("14155550101", TestName = "Validate_FromWithoutPlus_ErrorOnFrom")]
    [TestCase("+14155559999", TestName = "Validate_FromNotConfigured_ErrorOnFrom")]
    [TestCase("", TestName = "Validate_FromEmpty_ErrorOnFrom")]
    public void Validate_BadFrom_ErrorOnFrom(string from) => AssertErrorKeys(Text() with { From = from }, "from");

    [Test]
    public void Validate_ToEqualsFrom_ErrorOnTo() =>
        AssertErrorKeys(Text() with { To = SecondSender, From = SecondSender }, "to");

    [Test]
    public void Validate_ToEqualsDefaultSenderAndFromAbsent_ErrorOnTo() =>
        AssertErrorKeys(Text() with { To = DefaultSender }, "to");

    [TestCase("sms")]
    [TestCase("Text")]
    [TestCase("TEMPLATE")]
    [TestCase("")]
    public void Validate_UnknownType_ErrorOnTypeListingAllowedValues(string type)
    {
        var errors = Validate(Text() with { Type = type }).Errors;

        Assert.That(errors.Select(e => e.PropertyName), Is.EquivalentTo(new[] { "type" }));
        Assert.That(errors[0].ErrorMessage, Does.Contain("text, media, template, interactive, location"));
    }

    [TestCaseSource(nameof(FieldsOfAnotherType))]
    public void Validate_FieldOfAnotherType_ErrorOnThatField(SendMessageRequest request, string key)
    {
        var errors = Validate(request).Errors;

        Assert.That(errors.Select(e => e.PropertyName), Is.EquivalentTo(new[] { key }));
        Assert.That(errors[0].ErrorMessage, Does.Contain($"not allowed when type is '{request.Type}'"));
    }
}
