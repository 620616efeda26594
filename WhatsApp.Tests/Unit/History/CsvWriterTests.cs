using WhatsApp.Api.Features.History;

namespace WhatsApp.Tests.Unit.History;

public sealed class CsvWriterTests
{
    [TestCase("=HYPERLINK(\"http://evil.example\",\"click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")]
    [TestCase("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [TestCase("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [TestCase("-2+3", "'-2+3")]
    [TestCase("\tindented", "'\tindented")]
    public void Escape_FieldASpreadsheetWouldRunAsAFormula_GetsALeadingApostrophe(string field, string expected) =>
        Assert.That(CsvWriter.Escape(field), Is.EqualTo(expected));

    [TestCase("+14155552671")]
    [TestCase("-42")]
    [TestCase("Your order has shipped")]
    [TestCase("a = b")]
    public void Escape_PhoneNumbersAndPlainText_AreLeftAsTheyAre(string field) =>
        Assert.That(CsvWriter.Escape(field), Is.EqualTo(field));

    [Test]
    public void Escape_CommaQuoteOrLineBreak_IsQuotedWithQuotesDoubled() =>
        Assert.That(CsvWriter.Escape("say \"hi\",\nbye"), Is.EqualTo("\"say \"\"hi\"\",\nbye\""));
}
