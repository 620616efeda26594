using WhatsApp.Api.Features.Messages.Interactive;
using WhatsApp.Tests.Builders;
using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class InteractiveListValidatorTests : ValidatorTestBase
{
    [Test]
    public void Validate_TenSectionsOfOneRow_HasNoErrors() =>
        AssertValid(List([.. Enumerable.Range(0, 10).Select(i => Section($"S{i}", Row($"r{i}", $"Row {i}")))]));

    [Test]
    public void Validate_SingleSectionWithoutTitleAndTenRows_HasNoErrors() => AssertValid(List(Section(null, Rows(10))));

    [Test]
    public void Validate_ElevenSections_ErrorOnSections() =>
        AssertErrorKeys(List([.. Enumerable.Range(0, 11).Select(i => Section($"S{i}", Row($"r{i}", $"Row {i}")))]), "interactive.action.sections");

    [Test]
    public void Validate_ElevenRowsAcrossSections_ErrorOnSections() =>
        AssertErrorKeys(List(Section("A", Rows(6)), Section("B", Rows(5, first: 6))), "interactive.action.sections");

    [Test]
    public void Validate_NoSections_ErrorOnSections() =>
        AssertErrorKeys(List().WithAction(a => a with { Sections = null }), "interactive.action.sections");

    [Test]
    public void Validate_SectionWithoutRows_ErrorOnRows() =>
        AssertErrorKeys(List(Section("A", Rows(1)), Section("B")), "interactive.action.sections[1].rows");

    [Test]
    public void Validate_UntitledSectionAmongSeveral_ErrorOnSectionTitle() =>
        AssertErrorKeys(List(Section("A", Row("a", "A")), Section(null, Row("b", "B"))), "interactive.action.sections[1].title");

    [Test]
    public void Validate_SectionTitle25Chars_ErrorOnSectionTitle() =>
        AssertErrorKeys(List(Section(new string('s', 25), Row("a", "A"))), "interactive.action.sections[0].title");

    [TestCase(201, 24, 72, "id", TestName = "Validate_RowId201Chars_ErrorOnRowId")]
    [TestCase(200, 25, 72, "title", TestName = "Validate_RowTitle25Chars_ErrorOnRowTitle")]
    [TestCase(200, 24, 73, "description", TestName = "Validate_RowDescription73Chars_ErrorOnRowDescription")]
    public void Validate_RowFieldTooLong_ErrorOnField(int idLength, int titleLength, int descriptionLength, string field) =>
        AssertErrorKeys(
            List(Section("A", Row(new string('i', idLength), new string('t', titleLength), new string('d', descriptionLength)))),
            $"interactive.action.sections[0].rows[0].{field}");

    [TestCase(null, "Row", "id", TestName = "Validate_RowWithoutId_ErrorOnRowId")]
    [TestCase("r", null, "title", TestName = "Validate_RowWithoutTitle_ErrorOnRowTitle")]
    public void Validate_RowMissingField_ErrorOnField(string? id, string? title, string field) =>
        AssertErrorKeys(List(Section("A", Row(id, title))), $"interactive.action.sections[0].rows[0].{field}");

    [Test]
    public void Validate_DuplicateRowIdAcrossSections_ErrorOnLaterRowId() =>
        AssertErrorKeys(List(Section("A", Row("x", "One")), Section("B", Row("x", "Two"))), "interactive.action.sections[1].rows[0].id");

    [Test]
    public void Validate_ListOpenButtonMissing_ErrorOnButtons() =>
        AssertErrorKeys(List().WithAction(a => a with { Buttons = null }), "interactive.action.buttons");

    [Test]
    public void Validate_TwoListOpenButtons_ErrorOnButtons() =>
        AssertErrorKeys(List().WithButtons(Button(null, "One"), Button(null, "Two")), "interactive.action.buttons");

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Twenty-one characters")]
    public void Validate_BadListOpenLabel_ErrorOnButtonTitle(string? title) =>
        AssertErrorKeys(List().WithButtons(Button(null, title)), "interactive.action.buttons[0].title");

    [Test]
    public void Validate_MediaHeaderOnList_ErrorOnHeaderType() =>
        AssertErrorKeys(
            List().WithInteractive(i => i with { Header = new() { Type = "media", Media = "https://cdn.example.com/a.png" } }),
            "interactive.header.type");

    private static InteractiveRowRequest?[] Rows(int count, int first = 0) =>
        [.. Enumerable.Range(first, count).Select(i => Row($"row-{i}", $"Row {i}"))];
}
