using Microsoft.Extensions.Options;

namespace WhatsApp.Tests.Functional.Privacy;

[TestFixture]
public sealed class RetentionStartupTests
{
    [Test]
    public void Start_WithNegativeRetentionDays_FailsNamingTheKey()
    {
        using var factory = new WhatsAppApiFactory(settings: new Dictionary<string, string?> { ["Privacy:RetentionDays"] = "-1" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Privacy:RetentionDays"));
    }
}
