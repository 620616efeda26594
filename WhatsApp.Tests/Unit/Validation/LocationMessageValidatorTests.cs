using WhatsApp.Tests.Builders;
using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class LocationMessageValidatorTests : ValidatorTestBase
{
    [TestCase("37.4", "-122.1")]
    [TestCase("90", "180")]
    [TestCase("-90", "-180")]
    [TestCase("0", "0.000001")]
    public void Validate_CoordinatesInRange_HasNoErrors(string latitude, string longitude) =>
        AssertValid(Location(latitude, longitude));

    [TestCase("90.0001", TestName = "Validate_LatitudeAbove90_ErrorOnLatitude")]
    [TestCase("-91", TestName = "Validate_LatitudeBelowMinus90_ErrorOnLatitude")]
    [TestCase("abc", TestName = "Validate_LatitudeNotANumber_ErrorOnLatitude")]
    [TestCase("37,4", TestName = "Validate_LatitudeWithDecimalComma_ErrorOnLatitude")]
    [TestCase(" 37.4", TestName = "Validate_LatitudeWithWhitespace_ErrorOnLatitude")]
    [TestCase("", TestName = "Validate_LatitudeEmpty_ErrorOnLatitude")]
    [TestCase(null, TestName = "Validate_LatitudeMissing_ErrorOnLatitude")]
    public void Validate_BadLatitude_ErrorOnLatitude(string? latitude) =>
        AssertErrorKeys(Location(latitude: latitude), "location.latitude");

    [TestCase("180.5", TestName = "Validate_LongitudeAbove180_ErrorOnLongitude")]
    [TestCase("-180.01", TestName = "Validate_LongitudeBelowMinus180_ErrorOnLongitude")]
    [TestCase(null, TestName = "Validate_LongitudeMissing_ErrorOnLongitude")]
    public void Validate_BadLongitude_ErrorOnLongitude(string? longitude) =>
        AssertErrorKeys(Location(longitude: longitude), "location.longitude");

    [Test]
    public void Validate_Name1001Chars_ErrorOnName() =>
        AssertErrorKeys(Location().WithLocation(l => l with { Name = new string('n', 1001) }), "location.name");

    [Test]
    public void Validate_Address1001Chars_ErrorOnAddress() =>
        AssertErrorKeys(Location().WithLocation(l => l with { Address = new string('a', 1001) }), "location.address");

    [Test]
    public void Validate_NameAndAddressAbsent_HasNoErrors() =>
        AssertValid(Location().WithLocation(l => l with { Name = null, Address = null }));

    [Test]
    public void Validate_LocationMissing_ErrorOnLocation() => AssertErrorKeys(Location() with { Location = null }, "location");
}
