using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Infrastructure.Plivo.Signatures;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>The signature filter under its settings: V2 fallback, public base URL, and validation switched off.</summary>
[TestFixture]
public sealed class SignatureFilterConfigurationTests
{
    private static readonly KeyValuePair<string, string>[] Status = [new("MessageUUID", "abc"), new("Status", "sent")];

    [Test]
    public async Task Post_V2HeadersOnly_Returns403ByDefault()
    {
        await using var host = await SignatureTestHost.StartAsync();

        using var request = SignatureFilterTests.Post(SignatureTestHost.StatusUrl, Status, V2Headers(SignatureTestHost.Token));

        await HttpAssertions.AssertProblemAsync(await host.Client.SendAsync(request), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Post_V2HeadersOnlyWithV2Allowed_Passes()
    {
        await using var host = await SignatureTestHost.StartAsync(settings: new() { ["Plivo:Webhooks:AllowV2Signatures"] = "true" });

        using var request = SignatureFilterTests.Post(SignatureTestHost.StatusUrl, Status, V2Headers(SignatureTestHost.Token));
        var json = await SignatureFilterTests.EchoAsync(await host.Client.SendAsync(request));

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("signatureVersion").GetString(), Is.EqualTo("v2"));
            Assert.That(json.GetProperty("nonce").GetString(), Is.EqualTo("05429567804466091622"));
        });
    }

    [Test]
    public async Task Post_InvalidV3AndValidV2WithV2Allowed_Returns403()
    {
        await using var host = await SignatureTestHost.StartAsync(settings: new() { ["Plivo:Webhooks:AllowV2Signatures"] = "true" });
        var headers = new Dictionary<string, string>(V2Headers(SignatureTestHost.Token))
        {
            [PlivoWebhookSigner.V3Header] = "bm90IGEgdmFsaWQgc2lnbmF0dXJl",
            [PlivoWebhookSigner.NonceHeader] = "1",
        };

        using var request = SignatureFilterTests.Post(SignatureTestHost.StatusUrl, Status, headers);

        await HttpAssertions.AssertProblemAsync(await host.Client.SendAsync(request), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Post_WithPublicBaseUrl_VerifiesAgainstThePublicUrlNotTheLocalOne()
    {
        await using var host = await SignatureTestHost.StartAsync(settings: new() { ["Plivo:PublicBaseUrl"] = "https://hooks.example.com" });
        var publicUrl = new Uri("https://hooks.example.com/hooks/plivo/status");

        using var signedPublic = PlivoWebhookSigner.SignedFormPost(publicUrl, Status, SignatureTestHost.Token);
        signedPublic.RequestUri = SignatureTestHost.StatusUrl;
        using var signedLocal = PlivoWebhookSigner.SignedFormPost(SignatureTestHost.StatusUrl, Status, SignatureTestHost.Token);

        var json = await SignatureFilterTests.EchoAsync(await host.Client.SendAsync(signedPublic));
        Assert.That(json.GetProperty("signedUrl").GetString(), Is.EqualTo(publicUrl.AbsoluteUri));
        await HttpAssertions.AssertProblemAsync(await host.Client.SendAsync(signedLocal), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Post_ValidationOffInDevelopment_PassesUnsignedAsNoneAndWarns()
    {
        await using var host = await SignatureTestHost.StartAsync("Development", new() { ["Plivo:Webhooks:ValidateSignatures"] = "false" });

        using var unsigned = SignatureFilterTests.Post(SignatureTestHost.StatusUrl, Status, new Dictionary<string, string>());
        var json = await SignatureFilterTests.EchoAsync(await host.Client.SendAsync(unsigned));
        using var withNonce = SignatureFilterTests.Post(
            SignatureTestHost.StatusUrl, Status, new Dictionary<string, string> { [PlivoWebhookSigner.NonceHeader] = "777" });
        var jsonWithNonce = await SignatureFilterTests.EchoAsync(await host.Client.SendAsync(withNonce));

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("signatureVersion").GetString(), Is.EqualTo("none"));
            Assert.That(Guid.TryParse(json.GetProperty("nonce").GetString(), out _), Is.True);
            Assert.That(jsonWithNonce.GetProperty("nonce").GetString(), Is.EqualTo("777"));
            Assert.That(
                host.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("signature validation is OFF", StringComparison.Ordinal)),
                Is.EqualTo(3),
                "once at start-up and once per request");
        });
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public void Start_ValidationOffOutsideDevelopment_FailsNamingTheKey(string environment)
    {
        var error = Assert.ThrowsAsync<OptionsValidationException>(
            () => SignatureTestHost.StartAsync(environment, new() { ["Plivo:Webhooks:ValidateSignatures"] = "false" }));

        Assert.That(error!.Message, Does.Contain("Plivo:Webhooks:ValidateSignatures"));
    }

    [Test]
    public async Task Post_PlainV3SignedWithARotatedInToken_Passes()
    {
        await using var host = await SignatureTestHost.StartAsync(settings: new() { ["Plivo:Webhooks:AdditionalAuthTokens:1"] = "next-token-being-rotated-in" });
        using var request = PlivoWebhookSigner.SignedFormPost(SignatureTestHost.StatusUrl, Status, "next-token-being-rotated-in");

        var json = await SignatureFilterTests.EchoAsync(await host.Client.SendAsync(request));

        Assert.That(json.GetProperty("signatureVersion").GetString(), Is.EqualTo("v3"));
    }

    private static Dictionary<string, string> V2Headers(string token)
    {
        const string nonce = "05429567804466091622";
        return new()
        {
            ["X-Plivo-Signature-V2"] = PlivoSignatureV2.ComputeV2(SignatureTestHost.StatusUrl.AbsoluteUri, nonce, token),
            ["X-Plivo-Signature-V2-Nonce"] = nonce,
        };
    }
}
