using System.Text.Json;
using WhatsApp.Api.Features.Messages;

namespace WhatsApp.Tests.Unit.Validation;

/// <summary>Binding and fingerprinting of the wire JSON, with the options the API uses.</summary>
public sealed class RequestJsonTests
{
    private static readonly JsonSerializerOptions WireOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    [TestCase("37.4")]
    [TestCase("\"37.4\"")]
    public void Deserialize_LatitudeAsNumberOrString_BindsLiteralString(string latitude)
    {
        var request = Read($$$"""{"to":"+14155552671","type":"location","location":{"latitude":{{{latitude}}},"longitude":-122.1}}""");

        Assert.That(request.Location!.Latitude, Is.EqualTo("37.4"));
        Assert.That(request.Location.Longitude, Is.EqualTo("-122.1"));
    }

    [Test]
    public void Deserialize_CurrencyAmount1000_Binds()
    {
        var request = Read("""
            {"to":"+14155552671","type":"template","template":{"name":"price","language":"en","components":[
              {"type":"body","parameters":[{"type":"currency","currency":{"fallback_value":"$12.99","currency_code":"USD","amount_1000":12990}}]}]}}
            """);

        Assert.That(request.Template!.Components![0]!.Parameters![0]!.Currency!.Amount1000, Is.EqualTo(12990));
    }

    [Test]
    public void Fingerprint_SameContentDifferentOrderAndWhitespace_IsEqual()
    {
        var first = Read("""{"to":"+14155552671","type":"text","message":"Hello"}""");
        var second = Read("""
            {
              "message" : "Hello",
              "to" : "+14155552671",
              "type" : "text"
            }
            """);

        Assert.That(second.Fingerprint(), Is.EqualTo(first.Fingerprint()));
    }

    [Test]
    public void Fingerprint_NestedContentDifferentOrderAndNumberForm_IsEqual()
    {
        var first = Read("""{"to":"+14155552671","type":"location","location":{"latitude":37.4,"longitude":"-122.1","name":"HQ"}}""");
        var second = Read("""{"location":{"name":"HQ","longitude":-122.1,"latitude":"37.4"},"type":"location","to":"+14155552671"}""");

        Assert.That(second.Fingerprint(), Is.EqualTo(first.Fingerprint()));
    }

    [Test]
    public void Fingerprint_TypeAbsentOrText_IsEqual() =>
        Assert.That(
            Read("""{"to":"+14155552671","message":"Hello"}""").Fingerprint(),
            Is.EqualTo(Read("""{"to":"+14155552671","type":"text","message":"Hello"}""").Fingerprint()));

    [Test]
    public void Fingerprint_DifferentText_Differs() =>
        Assert.That(
            Read("""{"to":"+14155552671","type":"text","message":"Hello!"}""").Fingerprint(),
            Is.Not.EqualTo(Read("""{"to":"+14155552671","type":"text","message":"Hello"}""").Fingerprint()));

    [Test]
    public void Fingerprint_Always_IsLowercaseSha256Hex() =>
        Assert.That(Read("""{"to":"+14155552671","message":"Hello"}""").Fingerprint(), Does.Match("^[0-9a-f]{64}$"));

    private static SendMessageRequest Read(string json) => JsonSerializer.Deserialize<SendMessageRequest>(json, WireOptions)!;
}
