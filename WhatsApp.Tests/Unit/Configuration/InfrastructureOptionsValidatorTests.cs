using Microsoft.Extensions.Options;
using WhatsApp.Domain.Contacts;
using WhatsApp.Infrastructure;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Privacy;

namespace WhatsApp.Tests.Unit.Configuration;

[TestFixture]
public sealed class InfrastructureOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new DispatchOptionsValidator().Validate(null, new DispatchOptions()).Succeeded);
            Assert.That(new DatabaseReadinessOptionsValidator().Validate(null, new DatabaseReadinessOptions()).Succeeded);
            Assert.That(new PrivacyOptionsValidator().Validate(null, new PrivacyOptions()).Succeeded);
            Assert.That(new MessagingOptionsValidator().Validate(null, new MessagingOptions()).Succeeded);
        });
    }

    [TestCase("PerSenderRatePerSecond", "Dispatch:PerSenderRatePerSecond")]
    [TestCase("MaxAttempts", "Dispatch:MaxAttempts")]
    [TestCase("MaxConcurrency", "Dispatch:MaxConcurrency")]
    [TestCase("BatchSize", "Dispatch:BatchSize")]
    [TestCase("LeaseDuration", "Dispatch:LeaseDuration")]
    public void Validate_DispatchSettingOutOfRange_FailsNamingIt(string setting, string key)
    {
        var options = new DispatchOptions();
        switch (setting)
        {
            case "PerSenderRatePerSecond": options.PerSenderRatePerSecond = 0.5; break;
            case "MaxAttempts": options.MaxAttempts = 0; break;
            case "MaxConcurrency": options.MaxConcurrency = 0; break;
            case "BatchSize": options.BatchSize = 0; break;
            default: options.LeaseDuration = options.AttemptTimeout; break;
        }

        Assert.That(new DispatchOptionsValidator().Validate(null, options).FailureMessage, Does.Contain(key));
    }

    [Test]
    public void Validate_NegativeReadinessCacheDuration_FailsNamingIt()
    {
        var result = new DatabaseReadinessOptionsValidator().Validate(null, new DatabaseReadinessOptions { ReadinessCacheDuration = TimeSpan.FromSeconds(-1) });

        Assert.That(result.FailureMessage, Does.Contain("Database:ReadinessCacheDuration"));
    }

    [TestCase("plivo")]
    [TestCase("SIMULATOR")]
    [TestCase(" ")]
    public void Validate_KnownOrEmptyProvider_Succeeds(string provider)
    {
        Assert.That(new MessagingOptionsValidator().Validate(null, new MessagingOptions { Provider = provider }), Is.EqualTo(ValidateOptionsResult.Success));
    }

    [Test]
    public void Validate_UndefinedWindowPolicy_FailsNamingIt()
    {
        var result = new MessagingOptionsValidator().Validate(null, new MessagingOptions { CustomerServiceWindow = (WindowPolicy)7 });

        Assert.That(result.FailureMessage, Does.Contain("Messaging:CustomerServiceWindow"));
    }
}
