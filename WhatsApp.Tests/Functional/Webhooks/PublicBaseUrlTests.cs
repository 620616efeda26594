using System.Net;
using Microsoft.Extensions.Options;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>
/// The URL a webhook signature covers comes from <c>Plivo:PublicBaseUrl</c>, never from the request's Host header
/// outside Development: Production refuses to start without it whenever a webhook could be verified, and any other
/// environment refuses the webhooks.
/// </summary>
[TestFixture]
public sealed class PublicBaseUrlTests
{
    private static readonly KeyValuePair<string, string>[] Status = [new("MessageUUID", "abc"), new("Status", "sent")];

    [Test]
    public void Start_InProductionWithPlivoAndNoPublicBaseUrl_FailsNamingTheKey()
    {
        using var factory = new StartupFactory("Production", StartupFactory.WithKey(Plivo()));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Plivo:PublicBaseUrl"));
    }

    [Test]
    public void Start_InProductionWithTheSimulatorAndAWebhookToken_FailsNamingTheKey()
    {
        using var factory = new StartupFactory("Production", StartupFactory.WithKey(new Dictionary<string, string?>
        {
            ["Messaging:Provider"] = "Simulator",
            ["Plivo:Webhooks:AdditionalAuthTokens:0"] = "a-token-that-could-verify-webhooks",
        }));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Plivo:PublicBaseUrl"));
    }

    // Without any token every webhook is refused whatever the URL, so a simulator demo needs no public address.
    [Test]
    public void Start_InProductionWithTheSimulatorAndNoToken_Starts()
    {
        using var factory = new StartupFactory("Production", StartupFactory.WithKey(new Dictionary<string, string?> { ["Messaging:Provider"] = "Simulator" }));

        Assert.DoesNotThrow(() => factory.CreateClient().Dispose());
    }

    [Test]
    public void Start_InProductionWithPlivoAndAPublicBaseUrl_Starts()
    {
        var settings = Plivo();
        settings["Plivo:PublicBaseUrl"] = "https://wa.example.com";
        using var factory = new StartupFactory("Production", StartupFactory.WithKey(settings));

        Assert.DoesNotThrow(() => factory.CreateClient().Dispose());
    }

    [Test]
    public async Task Post_OutsideDevelopmentWithoutPublicBaseUrl_SignedOverTheHostsUrl_Is403AndNotStored()
    {
        await using var factory = new WhatsAppApiFactory(new Uri("http://127.0.0.1:9/"));
        using var client = factory.CreateClient();
        using var request = PlivoWebhookSigner.SignedFormPost(
            new Uri(client.BaseAddress!, "/api/webhooks/plivo"), WebhookTestHost.InboundForm(Guid.NewGuid().ToString()), FakePlivoServer.DefaultAuthToken);

        using var response = await client.SendAsync(request);

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(await factory.WithDbAsync(db => Task.FromResult(db.WebhookReceipts.Count())), Is.Zero);
    }

    [Test]
    public async Task Post_InDevelopmentWithoutPublicBaseUrl_ChecksTheRequestsOwnUrl()
    {
        await using var host = await SignatureTestHost.StartAsync("Development", new() { ["Plivo:PublicBaseUrl"] = null });
        using var request = PlivoWebhookSigner.SignedFormPost(SignatureTestHost.StatusUrl, Status, SignatureTestHost.Token);

        var json = await SignatureFilterTests.EchoAsync(await host.Client.SendAsync(request));

        Assert.That(json.GetProperty("signedUrl").GetString(), Is.EqualTo(SignatureTestHost.StatusUrl.AbsoluteUri));
    }

    private static Dictionary<string, string?> Plivo() => new()
    {
        ["Plivo:AuthId"] = "MAXXXXXXXXXXXXXXXXXX",
        ["Plivo:AuthToken"] = "token-from-the-environment",
        ["Plivo:DefaultSender"] = "+14155550199",
    };
}
