using WhatsApp.Api.Features.Messages.Location;
using WhatsApp.Api.Features.Messages.Template;
using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class TemplateParameterValidatorTests : ValidatorTestBase
{
    private const string Key = "template.components[0].parameters[0]";

    private static readonly CurrencyRequest Price = new() { FallbackValue = "$12.99", CurrencyCode = "USD", Amount1000 = 12990 };

    private static readonly LocationRequest Office = new() { Latitude = "37.48", Longitude = "-122.14" };

    private static IEnumerable<TestCaseData> ValidParameters()
    {
        yield return new TestCaseData(new TemplateParameterRequest { Type = "text", Text = "Ada", ParameterName = "first_name" }).SetArgDisplayNames("text");
        yield return new TestCaseData(new TemplateParameterRequest { Type = "media", Media = "https://cdn.example.com/a.png" }).SetArgDisplayNames("media");
        yield return new TestCaseData(new TemplateParameterRequest { Type = "currency", Currency = Price }).SetArgDisplayNames("currency");
        yield return new TestCaseData(new TemplateParameterRequest { Type = "date_time", DateTime = new DateTimeRequest { FallbackValue = "May 1" } }).SetArgDisplayNames("date_time");
        yield return new TestCaseData(new TemplateParameterRequest { Type = "location", Location = Office }).SetArgDisplayNames("location");
    }

    private static IEnumerable<TestCaseData> InvalidParameters()
    {
        yield return Case("UnknownType", new() { Type = "image", Media = "https://cdn.example.com/a.png" }, "type");
        yield return Case("TypeMissing", new() { Text = "Ada" }, "type");
        yield return Case("TextWithoutText", new() { Type = "text" }, "text");
        yield return Case("Text1025Chars", new() { Type = "text", Text = new string('t', 1025) }, "text");
        yield return Case("MediaWithoutMedia", new() { Type = "media" }, "media");
        yield return Case("MediaFtpUrl", new() { Type = "media", Media = "ftp://cdn.example.com/a.png" }, "media");
        yield return Case("MediaRelativeUrl", new() { Type = "media", Media = "a.png" }, "media");
        yield return Case("PayloadWithoutPayload", new() { Type = "payload" }, "payload");
        yield return Case("Payload257Chars", new() { Type = "payload", Payload = new string('p', 257) }, "payload");
        yield return Case("CurrencyWithoutCurrency", new() { Type = "currency" }, "currency");
        yield return Case("CurrencyWithoutAmount", new() { Type = "currency", Currency = Price with { Amount1000 = null } }, "currency.amount_1000");
        yield return Case("CurrencyWithoutFallback", new() { Type = "currency", Currency = Price with { FallbackValue = null } }, "currency.fallback_value");
        yield return Case("CurrencyWithoutCode", new() { Type = "currency", Currency = Price with { CurrencyCode = null } }, "currency.currency_code");
        yield return Case("CurrencyLowercaseCode", new() { Type = "currency", Currency = Price with { CurrencyCode = "usd" } }, "currency.currency_code");
        yield return Case("DateTimeWithoutDateTime", new() { Type = "date_time" }, "date_time");
        yield return Case("DateTimeWithoutFallback", new() { Type = "date_time", DateTime = new DateTimeRequest() }, "date_time.fallback_value");
        yield return Case("LocationWithoutLocation", new() { Type = "location" }, "location");
        yield return Case("LocationLatitudeOutOfRange", new() { Type = "location", Location = Office with { Latitude = "91" } }, "location.latitude");
        yield return Case("LocationWithoutLongitude", new() { Type = "location", Location = Office with { Longitude = null } }, "location.longitude");
        yield return Case("ParameterNameWithTrailingNewline", new() { Type = "text", Text = "Ada", ParameterName = "first_name\n" }, "parameter_name");
        yield return Case("CurrencyCodeWithTrailingNewline", new() { Type = "currency", Currency = Price with { CurrencyCode = "USD\n" } }, "currency.currency_code");
        yield return Case("ParameterNameWithCapitals", new() { Type = "text", Text = "Ada", ParameterName = "FirstName" }, "parameter_name");

        static TestCaseData Case(string name, TemplateParameterRequest parameter, string field) =>
            new TestCaseData(parameter, $"{Key}.{field}").SetName($"Validate_Parameter{name}_ErrorOn{field.Replace(".", "_", StringComparison.Ordinal)}");
    }

    [TestCaseSource(nameof(ValidParameters))]
    public void Validate_ParameterWithItsField_HasNoErrors(TemplateParameterRequest parameter) =>
        AssertValid(Template(Component("body", parameter)));

    [TestCaseSource(nameof(InvalidParameters))]
    public void Validate_BadParameter_ErrorOnField(TemplateParameterRequest parameter, string key) =>
        AssertErrorKeys(Template(Component("body", parameter)), key);

    [Test]
    public void Validate_NullParameter_ErrorOnParameter() =>
        AssertErrorKeys(Template(Component("body", [null])), Key);
}
