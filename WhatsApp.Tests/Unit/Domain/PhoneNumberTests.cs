using WhatsApp.Domain.Contacts;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Unit.Domain;

public sealed class PhoneNumberTests
{
    [TestCase("+14155552671")]
    [TestCase("+12345678", TestName = "IsE164_EightDigits_IsTrue")]
    [TestCase("+123456789012345", TestName = "IsE164_FifteenDigits_IsTrue")]
    public void IsE164_AsciiPlusAndDigits_IsTrue(string number) => Assert.That(PhoneNumber.IsE164(number), Is.True);

    [TestCaseSource(typeof(BadPhoneNumbers), nameof(BadPhoneNumbers.Cases))]
    public void IsE164_SpoiledNumber_IsFalse(string number) => Assert.That(PhoneNumber.IsE164(number), Is.False);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("14155552671")]
    [TestCase("+04155552671")]
    [TestCase("+1234567")]
    [TestCase("+1234567890123456")]
    [TestCase("+1-415-555-2671")]
    [TestCase("++14155552671")]
    public void IsE164_NotE164_IsFalse(string? number) => Assert.That(PhoneNumber.IsE164(number), Is.False);

    [TestCase("+")]
    [TestCase("")]
    [TestCase("+4420+")]
    [TestCase("+1234567890123456")]
    public void IsPrefix_NotTheStartOfANumber_IsFalse(string prefix) => Assert.That(PhoneNumber.IsPrefix(prefix), Is.False);

    [TestCaseSource(typeof(BadPhoneNumbers), nameof(BadPhoneNumbers.Cases))]
    public void IsPrefix_SpoiledNumber_IsFalse(string prefix) => Assert.That(PhoneNumber.IsPrefix(prefix), Is.False);

    [TestCase("+44")]
    [TestCase("4420")]
    [TestCase("+123456789012345")]
    public void IsPrefix_StartOfANumber_IsTrue(string prefix) => Assert.That(PhoneNumber.IsPrefix(prefix), Is.True);
}
