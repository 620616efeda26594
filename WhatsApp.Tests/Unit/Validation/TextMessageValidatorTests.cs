using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class TextMessageValidatorTests : ValidatorTestBase
{
    [Test]
    public void Validate_MessageAtLimit_HasNoErrors() => AssertValid(Text(new string('a', 4096)));

    [TestCase("", TestName = "Validate_MessageEmpty_ErrorOnMessage")]
    [TestCase("   ", TestName = "Validate_MessageWhitespace_ErrorOnMessage")]
    [TestCase(null, TestName = "Validate_MessageMissing_ErrorOnMessage")]
    public void Validate_NoMessage_ErrorOnMessage(string? message) => AssertErrorKeys(Text(message), "message");

    [Test]
    public void Validate_Message4097Chars_ErrorOnMessage() => AssertErrorKeys(Text(new string('a', 4097)), "message");

    [Test]
    public void Validate_TypeAbsentAndNoMessage_ErrorOnMessage() => AssertErrorKeys(Text(null) with { Type = null }, "message");
}
