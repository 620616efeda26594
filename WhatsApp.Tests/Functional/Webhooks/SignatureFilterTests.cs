using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>The signature filter end to end, through a minimal app hosting a test webhook.</summary>
[TestFixture]
public sealed class SignatureFilterTests
{
    private static readonly KeyValuePair<string, string>[] Status =
    [
        new("MessageUUID", "3b5a3e8e-1111-2222-3333-444455556666"), new("Status", "delivered"), new("From", "+14155550100"),
        new("To", "+919999999999"), new("Type", "whatsapp"), new("Body", "Hi there + welcome & more"),
    ];

    private SignatureTestHost _host = null!;

    [SetUp]
    public async Task StartAsync() => _host = await SignatureTestHost.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Post_SignedForm_PassesWithParametersAndNonce()
    {
        using var request = PlivoWebhookSigner.SignedFormPost(SignatureTestHost.StatusUrl, Status, SignatureTestHost.Token, "12345678901234567890");

        var json = await EchoAsync(await _host.Client.SendAsync(request));

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("nonce").GetString(), Is.EqualTo("12345678901234567890"));
            Assert.That(json.GetProperty("signatureVersion").GetString(), Is.EqualTo("v3"));
            Assert.That(json.GetProperty("signedUrl").GetString(), Is.EqualTo("http://localhost/hooks/plivo/status"));
            Assert.That(Parameters(json), Is.EquivalentTo(Status));
        });
    }

    [Test]
    public async Task Post_TamperedField_Returns403Problem()
    {
        var headers = PlivoWebhookSigner.SignatureHeaders(HttpMethod.Post, SignatureTestHost.StatusUrl, Status, SignatureTestHost.Token);
        using var request = Post(SignatureTestHost.StatusUrl, Status.Select(p => p.Key == "Status" ? new("Status", "read") : p), headers);

        var problem = await HttpAssertions.AssertProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.Forbidden);

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Invalid Plivo signature"));
    }

    [Test]
    public async Task Post_WithoutSignatureHeaders_Returns403Problem()
    {
        using var request = Post(SignatureTestHost.StatusUrl, Status, new Dictionary<string, string>());

        await HttpAssertions.AssertProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Post_SignatureWithoutNonce_Returns403Problem()
    {
        var headers = PlivoWebhookSigner.SignatureHeaders(HttpMethod.Post, SignatureTestHost.StatusUrl, Status, SignatureTestHost.Token)
            .Where(h => h.Key != PlivoWebhookSigner.NonceHeader).ToDictionary();
        using var request = Post(SignatureTestHost.StatusUrl, Status, headers);

        await HttpAssertions.AssertProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Post_Json_Returns415Problem()
    {
        var headers = PlivoWebhookSigner.SignatureHeaders(HttpMethod.Post, SignatureTestHost.StatusUrl, [], SignatureTestHost.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, SignatureTestHost.StatusUrl) { Content = JsonContent.Create(new { Status = "delivered" }) };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        await HttpAssertions.AssertProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Post_BodyOverTheLimit_Returns413Problem()
    {
        KeyValuePair<string, string>[] huge = [new("Body", new string('x', 70 * 1024))];
        using var request = PlivoWebhookSigner.SignedFormPost(SignatureTestHost.StatusUrl, huge, SignatureTestHost.Token);

        await HttpAssertions.AssertProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Get_SignedWithQuery_PassesWithTheQueryParameters()
    {
        var url = new Uri(SignatureTestHost.StatusUrl, "?Status=read&MessageUUID=abc&Body=a%20b%2Bc");
        using var request = PlivoWebhookSigner.SignedGet(url, SignatureTestHost.Token);

        var json = await EchoAsync(await _host.Client.SendAsync(request));

        Assert.That(Parameters(json), Is.EquivalentTo(new KeyValuePair<string, string>[] { new("Status", "read"), new("MessageUUID", "abc"), new("Body", "a b+c") }));
    }

    [Test]
    public async Task Get_QueryChangedAfterSigning_Returns403Problem()
    {
        using var request = PlivoWebhookSigner.SignedGet(new Uri(SignatureTestHost.StatusUrl, "?Status=read"), SignatureTestHost.Token);
        request.RequestUri = new Uri(SignatureTestHost.StatusUrl, "?Status=delivered");

        await HttpAssertions.AssertProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Post_SignedForAnotherUrl_Returns403Problem()
    {
        using var request = PlivoWebhookSigner.SignedFormPost(new Uri("http://localhost/hooks/plivo/inbound"), Status, SignatureTestHost.Token);
        request.RequestUri = SignatureTestHost.StatusUrl;

        await HttpAssertions.AssertProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Post_MainAccountV3AloneSignedWithAnAdditionalToken_Passes()
    {
        using var request = PlivoWebhookSigner.SignedFormPost(
            SignatureTestHost.StatusUrl, Status, "not-our-token", mainAccountToken: SignatureTestHost.MainAccountToken);
        request.Headers.Remove(PlivoWebhookSigner.V3Header);

        var json = await EchoAsync(await _host.Client.SendAsync(request));

        Assert.That(json.GetProperty("signatureVersion").GetString(), Is.EqualTo("v3"));
    }

    [Test]
    public async Task Post_WrongToken_Returns403AndLogsAWarningWithoutSecrets()
    {
        using var request = PlivoWebhookSigner.SignedFormPost(SignatureTestHost.StatusUrl, Status, "some-other-token", "55555555555555555555");
        var signature = request.Headers.GetValues(PlivoWebhookSigner.V3Header).Single();

        await HttpAssertions.AssertProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.Forbidden);

        var warning = _host.Logs.Entries.Single(e => e.Level == LogLevel.Warning && e.Message.Contains("Rejected", StringComparison.Ordinal)).Message;
        Assert.Multiple(() =>
        {
            Assert.That(warning, Does.Contain("POST").And.Contain("/hooks/plivo/status").And.Contain(PlivoWebhookSigner.V3Header));
            Assert.That(warning, Does.Not.Contain(signature).And.Not.Contain(SignatureTestHost.Token).And.Not.Contain(SignatureTestHost.MainAccountToken));
            Assert.That(warning, Does.Not.Contain("55555555555555555555").And.Not.Contain("welcome"));
        });
    }

    internal static async Task<JsonElement> EchoAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static HttpRequestMessage Post(Uri url, IEnumerable<KeyValuePair<string, string>> form, IReadOnlyDictionary<string, string> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }

    private static List<KeyValuePair<string, string>> Parameters(JsonElement json) =>
        [.. json.GetProperty("parameters").EnumerateArray().Select(p => new KeyValuePair<string, string>(p[0].GetString()!, p[1].GetString()!))];
}
