using WhatsApp.Api.Features.Messages.Template;
using WhatsApp.Tests.Builders;
using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class TemplateMessageValidatorTests : ValidatorTestBase
{
    [TestCase("en")]
    [TestCase("en_US")]
    [TestCase("pt_BR")]
    [TestCase("fil")]
    public void Validate_LanguageCode_HasNoErrors(string language) =>
        AssertValid(Template().WithTemplate(t => t with { Language = language }));

    [Test]
    public void Validate_NoComponentsAnd512CharName_HasNoErrors() =>
        AssertValid(Template().WithTemplate(t => t with { Name = new string('a', 512), Components = null }));

    [TestCase("Order_Update", TestName = "Validate_NameWithUppercase_ErrorOnName")]
    [TestCase("order-update", TestName = "Validate_NameWithDash_ErrorOnName")]
    [TestCase("", TestName = "Validate_NameEmpty_ErrorOnName")]
    [TestCase(null, TestName = "Validate_NameMissing_ErrorOnName")]
    [TestCase("order_update\n", TestName = "Validate_NameWithTrailingNewline_ErrorOnName")]
    public void Validate_BadName_ErrorOnName(string? name) =>
        AssertErrorKeys(Template().WithTemplate(t => t with { Name = name }), "template.name");

    [Test]
    public void Validate_Name513Chars_ErrorOnName() =>
        AssertErrorKeys(Template().WithTemplate(t => t with { Name = new string('a', 513) }), "template.name");

    [TestCase(null, TestName = "Validate_LanguageMissing_ErrorOnLanguage")]
    [TestCase("english", TestName = "Validate_LanguageWord_ErrorOnLanguage")]
    [TestCase("en-US", TestName = "Validate_LanguageWithDash_ErrorOnLanguage")]
    [TestCase("en_US\n", TestName = "Validate_LanguageWithTrailingNewline_ErrorOnLanguage")]
    public void Validate_BadLanguage_ErrorOnLanguage(string? language) =>
        AssertErrorKeys(Template().WithTemplate(t => t with { Language = language }), "template.language");

    [Test]
    public void Validate_TemplateMissing_ErrorOnTemplate() => AssertErrorKeys(Template() with { Template = null }, "template");

    [Test]
    public void Validate_NullComponent_ErrorOnComponent() =>
        AssertErrorKeys(Template(Component("body", Text("x")), null), "template.components[1]");

    [TestCase("title")]
    [TestCase("BODY")]
    [TestCase(null)]
    public void Validate_BadComponentType_ErrorOnComponentType(string? type) =>
        AssertErrorKeys(Template(Component("body", Text("x")), Component(type!, Text("x"))), "template.components[1].type");

    [TestCase(null, "0", "template.components[1].sub_type", TestName = "Validate_ButtonWithoutSubType_ErrorOnSubType")]
    [TestCase("call", "0", "template.components[1].sub_type", TestName = "Validate_ButtonWithUnknownSubType_ErrorOnSubType")]
    [TestCase("url", null, "template.components[1].index", TestName = "Validate_ButtonWithoutIndex_ErrorOnIndex")]
    [TestCase("url", "first", "template.components[1].index", TestName = "Validate_ButtonWithNonNumericIndex_ErrorOnIndex")]
    [TestCase("url", "1\n", "template.components[1].index", TestName = "Validate_ButtonIndexWithTrailingNewline_ErrorOnIndex")]
    public void Validate_BadButtonComponent_ErrorOnField(string? subType, string? index, string key) =>
        AssertErrorKeys(Template(Component("body", Text("x")), ButtonComponent(subType, index, Text("x"))), key);

    [Test]
    public void Validate_BodyWithSubTypeAndIndex_ErrorOnBoth() =>
        AssertErrorKeys(
            Template(Component("body", Text("x")) with { SubType = "url", Index = "0" }),
            "template.components[0].sub_type",
            "template.components[0].index");

    [Test]
    public void Validate_FooterWithParameters_ErrorOnParameters() =>
        AssertErrorKeys(Template(Component("footer", Text("x"))), "template.components[0].parameters");

    [Test]
    public void Validate_QuickReplyWithTextParameter_ErrorOnParameterType() =>
        AssertErrorKeys(Template(ButtonComponent("quick_reply", "0", Text("x"))), "template.components[0].parameters[0].type");

    [Test]
    public void Validate_UrlButtonWithPayloadParameter_ErrorOnParameterType() =>
        AssertErrorKeys(
            Template(ButtonComponent("url", "0", TemplateParameter("payload", payload: "p"))),
            "template.components[0].parameters[0].type");

    private static TemplateParameterRequest Text(string text) => TemplateParameter("text", text: text);
}
