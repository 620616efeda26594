using Microsoft.Extensions.Options;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Functional;

/// <summary>A sender number in configuration is held to the same rule as one in a request: start-up stops, naming the key.</summary>
[TestFixture]
public sealed class PhoneNumberConfigurationTests
{
    [TestCaseSource(nameof(Cases))]
    public void Start_WithSpoiledSenderNumber_FailsNamingTheKey(string key, string number, string expectedInMessage)
    {
        var settings = new Dictionary<string, string?> { [key] = number };
        if (key == "PLIVO_WHATSAPP_SENDER_NUMBER")
        {
            settings["Plivo:DefaultSender"] = string.Empty; // the variable is the fallback for an unset key
        }

        using var factory = new WhatsAppApiFactory(settings: settings);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient().Dispose());

        Assert.That(error!.Message, Does.Contain(expectedInMessage).And.Contain("E.164"));
    }

    private static IEnumerable<TestCaseData> Cases() =>
        from key in new[]
        {
            ("Plivo:Senders:1", "Plivo:Senders:1"),
            ("Plivo:DefaultSender", "Plivo:DefaultSender"),
            ("PLIVO_WHATSAPP_SENDER_NUMBER", "PLIVO_WHATSAPP_SENDER_NUMBER"),
        }
        from bad in BadPhoneNumbers.All()
        select new TestCaseData(key.Item1, bad.Value, key.Item2).SetArgDisplayNames(key.Item1, bad.Name);
}
