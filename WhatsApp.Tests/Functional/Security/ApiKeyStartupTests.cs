using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WhatsApp.Tests.Unit.Container;

namespace WhatsApp.Tests.Functional.Security;

/// <summary>
/// The published sample keys never work outside Development, and two entries cannot share a key (only one of them
/// could ever match, silently). Start-up names the entry; the key itself never appears in the error.
/// </summary>
[TestFixture]
public sealed class ApiKeyStartupTests
{
    private const string Simulator = "Simulator";

    [TestCase("Production", "dev-sender-key-0000000000")]
    [TestCase("Production", "dev-admin-key-00000000000")]
    [TestCase("Staging", "dev-agent-key-00000000000")]
    [TestCase("Testing", "dev-admin-key-00000000000")]
    public void Start_OutsideDevelopmentWithASampleKey_FailsNamingTheEntryNotTheKey(string environment, string sampleKey)
    {
        using var factory = new StartupFactory(environment, StartupFactory.WithKey(new Dictionary<string, string?>
        {
            ["Messaging:Provider"] = Simulator,
            ["Auth:ApiKeys:1:Name"] = "copied-from-the-readme",
            ["Auth:ApiKeys:1:Role"] = "sender",
            ["Auth:ApiKeys:1:Key"] = sampleKey,
        }));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Auth:ApiKeys:1:Key").And.Contain("sample").And.Not.Contain(sampleKey));
    }

    [Test]
    public async Task Start_InDevelopmentWithTheSampleKeys_AcceptsThem()
    {
        using var factory = new StartupFactory("Development", StartupFactory.WithKey(new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:1:Name"] = "dev-sender",
            ["Auth:ApiKeys:1:Role"] = "sender",
            ["Auth:ApiKeys:1:Key"] = "dev-sender-key-0000000000",
        }));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-sender-key-0000000000");

        using var response = await client.GetAsync($"/api/messages/{Guid.CreateVersion7()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("Development")]
    [TestCase("Testing")]
    [TestCase("Production")]
    public void Start_WithTwoEntriesHoldingTheSameKey_FailsNamingBothEntriesNotTheKey(string environment)
    {
        using var factory = new StartupFactory(environment, StartupFactory.WithKey(new Dictionary<string, string?>
        {
            ["Messaging:Provider"] = Simulator,
            ["Auth:ApiKeys:1:Name"] = "reporting",
            ["Auth:ApiKeys:1:Role"] = "agent",
            ["Auth:ApiKeys:1:Key"] = TestApiKeys.Agent,
            ["Auth:ApiKeys:2:Name"] = "backend",
            ["Auth:ApiKeys:2:Role"] = "sender",
            ["Auth:ApiKeys:2:Key"] = TestApiKeys.Admin,
        }));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Auth:ApiKeys:2:Key").And.Contain("Auth:ApiKeys:0:Key").And.Not.Contain(TestApiKeys.Admin));
    }

    [TestCase("Auth:FailedAttempts:Limit", "-1", "Auth:FailedAttempts:Limit")]
    [TestCase("Auth:FailedAttempts:Window", "00:00:00", "Auth:FailedAttempts:Window")]
    [TestCase("Auth:FailedAttempts:MaxTrackedAddresses", "0", "Auth:FailedAttempts:MaxTrackedAddresses")]
    [TestCase("ForwardedHeaders:KnownProxies:0", "proxy.internal", "ForwardedHeaders:KnownProxies:0")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "10.0.0.0", "ForwardedHeaders:KnownNetworks:0")]
    public void Start_WithABadThrottleOrProxySetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var factory = new StartupFactory("Testing", StartupFactory.WithKey(new Dictionary<string, string?> { [key] = value }));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain(named));
    }

    [Test]
    public void SampleKeys_AreExactlyTheKeysOfAppsettingsDevelopment()
    {
        using var json = JsonDocument.Parse(RepositoryFiles.Read("WhatsApp.Api/appsettings.Development.json"));
        var published = json.RootElement.GetProperty("Auth").GetProperty("ApiKeys").EnumerateArray().Select(k => k.GetProperty("Key").GetString());
        var readme = RepositoryFiles.Read("README.md");

        Assert.That(WhatsApp.Api.Auth.SampleApiKeys.All, Is.EquivalentTo(published));
        Assert.That(WhatsApp.Api.Auth.SampleApiKeys.All, Is.All.Matches<string>(k => readme.Contains(k, StringComparison.Ordinal)));
    }
}
