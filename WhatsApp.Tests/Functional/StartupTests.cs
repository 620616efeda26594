using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Plivo;
using WhatsApp.Infrastructure.Simulator;

namespace WhatsApp.Tests.Functional;

/// <summary>Configuration checks at start-up: the service refuses to run half-configured, naming the key.</summary>
[TestFixture]
public sealed class StartupTests
{
    [Test]
    public void Start_InProductionWithoutApiKeys_FailsNamingTheKey()
    {
        using var factory = new StartupFactory("Production", new Dictionary<string, string?> { ["Messaging:Provider"] = "Simulator" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Auth:ApiKeys"));
    }

    [Test]
    public void Start_WithUnknownDatabaseProvider_FailsNamingTheKey()
    {
        using var factory = new StartupFactory("Testing", new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Database:Provider"));
    }

    // A misspelt provider used to run as Plivo. One exception: the Plivo checks do not repeat the message.
    [TestCase("Messaging:Provider", "Plivoo")]
    [TestCase("Messaging:CustomerServiceWindow", "7")]
    public void Start_WithAnInvalidMessagingSetting_FailsNamingTheSetting(string key, string value)
    {
        var settings = StartupFactory.WithKey();
        settings[key] = value;
        using var factory = new StartupFactory("Development", settings);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain(key));
    }

    [Test]
    public void Start_InProductionWithoutPlivoConfiguration_FailsNamingTheKeys()
    {
        using var factory = new StartupFactory("Production", StartupFactory.WithKey());

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Plivo:AuthId").And.Contain("Plivo:AuthToken"));
    }

    [Test]
    public void Start_WithAuthIdButNoToken_FailsNamingTheToken()
    {
        var settings = StartupFactory.WithKey();
        settings["Plivo:AuthId"] = "MAXXXXXXXXXXXXXXXXXX";
        using var factory = new StartupFactory("Development", settings);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Plivo:AuthToken"));
    }

    [Test]
    public void Start_WithPlivoEnvironmentVariableNames_UsesPlivoAndTheirSender()
    {
        var settings = StartupFactory.WithKey();
        settings["PLIVO_AUTH_ID"] = "MAXXXXXXXXXXXXXXXXXX";
        settings["PLIVO_AUTH_TOKEN"] = "token-from-the-environment";
        settings["PLIVO_WHATSAPP_SENDER_NUMBER"] = "+14155550199";
        settings["Plivo:PublicBaseUrl"] = "https://wa.example.com";
        using var factory = new StartupFactory("Production", settings);
        factory.CreateClient().Dispose();

        using var scope = factory.Services.CreateScope();
        var provider = scope.ServiceProvider.GetRequiredService<IMessagingProvider>();
        var senders = scope.ServiceProvider.GetRequiredService<ISenderDirectory>();

        Assert.Multiple(() =>
        {
            Assert.That(provider, Is.TypeOf<PlivoMessagingProvider>());
            Assert.That(senders.DefaultSender, Is.EqualTo("+14155550199"));
        });
    }

    [Test]
    public void Start_WithoutCredentialsInDevelopment_UsesTheSimulatorAndPlaceholderSender()
    {
        using var factory = new StartupFactory("Development", StartupFactory.WithKey());
        factory.CreateClient().Dispose();

        using var scope = factory.Services.CreateScope();

        Assert.Multiple(() =>
        {
            Assert.That(scope.ServiceProvider.GetRequiredService<IMessagingProvider>(), Is.TypeOf<SimulatorMessagingProvider>());
            Assert.That(scope.ServiceProvider.GetRequiredService<ISenderDirectory>().DefaultSender, Is.EqualTo(SimulatorDefaults.PlaceholderSender));
        });
    }

    // A SIGTERM lets the requests in flight run to their answer: the host waits beyond one attempt.
    [Test]
    public void Start_WithAnAttemptTimeout_ShutdownTimeoutIsThatPlus20Seconds()
    {
        var settings = StartupFactory.WithKey();
        settings["Dispatch:AttemptTimeout"] = "00:00:07";
        using var factory = new StartupFactory("Development", settings);
        factory.CreateClient().Dispose();

        var host = factory.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        Assert.That(host.ShutdownTimeout, Is.EqualTo(TimeSpan.FromSeconds(27)));
    }

    [Test]
    public void Start_WithALeaseNotLongerThanTheAttemptTimeout_FailsNamingTheKey()
    {
        var settings = StartupFactory.WithKey();
        settings["Dispatch:AttemptTimeout"] = "00:01:00";
        using var factory = new StartupFactory("Development", settings);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Dispatch:LeaseDuration"));
    }
}
