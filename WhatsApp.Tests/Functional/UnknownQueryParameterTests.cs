using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional;

/// <summary>
/// A query parameter an endpoint does not take is a 400 naming it, like an unknown body field: ignored, a client that
/// walked the timeline with <c>cursor=</c> instead of <c>before=</c> got the first page forever. Plivo's webhook, the
/// health probes and <c>/metrics</c> keep taking whatever query they are sent.
/// </summary>
[TestFixture]
public sealed class UnknownQueryParameterTests
{
    private const string Contact = "%2B14155552671";
    private WebhookTestHost _host = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        _host = new WebhookTestHost();
        _admin = _host.Factory.CreateClientWithKey(TestApiKeys.Admin);
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task Timeline_WithCursorInsteadOfBefore_Returns400NamingCursor()
    {
        var response = await _admin.GetAsync($"/api/conversations/{Contact}/messages?cursor=abc&limit=2");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.EqualTo(new[] { "cursor" }));
        Assert.That(problem.GetProperty("errors").GetProperty("cursor")[0].GetString(), Does.Contain("Unknown query parameter"));
    }

    [TestCase("GET", "/api/messages")]
    [TestCase("GET", "/api/messages/export")]
    [TestCase("GET", "/api/conversations")]
    [TestCase("GET", $"/api/conversations/{Contact}/messages")]
    [TestCase("GET", $"/api/contacts/{Contact}/window")]
    [TestCase("GET", "/api/admin/webhooks/unprocessed")]
    [TestCase("GET", "/api/messages/0193a1b2-0000-7000-8000-000000000001")]
    [TestCase("DELETE", $"/api/contacts/{Contact}")]
    [TestCase("POST", "/api/admin/webhooks/0193a1b2-0000-7000-8000-000000000001/replay")]
    public async Task Endpoint_WithUnknownParameter_Returns400NamingIt(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{path}?page=2");

        var response = await _admin.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.EqualTo(new[] { "page" }));
    }

    [Test]
    public async Task Send_WithUnknownParameter_Returns400NamingItAndStoresNothing()
    {
        const string text = "unknown-query-send";

        var response = await _admin.PostAsJsonAsync("/api/messages?priority=high", new { to = "+14155552671", message = text });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.EqualTo(new[] { "priority" }));
        Assert.That(await _host.Factory.WithDbAsync(db => db.Messages.CountAsync(m => m.Content.Text == text)), Is.Zero);
    }

    [Test]
    public async Task Search_WithSeveralUnknownParameters_NamesEachOnce()
    {
        var response = await _admin.GetAsync("/api/messages?page=2&sort=asc&page=3&limit=5");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.EquivalentTo(new[] { "page", "sort" }));
    }

    // Model binding takes a list as repeated keys or as indexes counted from 0 without a gap; any other bracket spelling
    // (PHP's and jQuery's status[]) binds nothing, so the filter it meant would silently not apply.
    [TestCase("/api/messages?status[]=bogus", "status[]")]
    [TestCase("/api/messages?status[1]=bogus", "status[1]")]
    [TestCase("/api/messages?status[first]=bogus", "status[first]")]
    [TestCase("/api/messages?status[0]=sent&status[2]=bogus", "status[2]")]
    [TestCase("/api/messages?status[00]=bogus", "status[00]")]
    [TestCase("/api/messages?status=sent&status[0]=bogus", "status[0]")]
    public async Task Search_WithAListSpellingThatBindsNothing_Returns400NamingIt(string path, string key)
    {
        var response = await _admin.GetAsync(path);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.EqualTo(new[] { key }));
    }

    [TestCase("/api/messages?status=sent&status=failed&created_from=2026-01-01&created_to=2026-02-01&error_code=470&template_name=x&type=text&direction=outbound&limit=5")]
    [TestCase("/api/messages?contact=%2B14155552671&from=%2B14155550100&q=hello")]
    [TestCase("/api/messages?status[0]=sent&status[1]=failed")]
    [TestCase("/api/messages?status[0]=sent&status[1]=failed&status[2]=read")]
    [TestCase("/api/messages?Status=sent&LIMIT=5")]
    [TestCase("/api/messages/export?status=sent,failed&created_from=2026-01-01")]
    [TestCase("/api/conversations?window=open&has_failed=true&q=%2B1415&limit=5")]
    [TestCase($"/api/conversations/{Contact}/messages?limit=5")]
    [TestCase("/api/admin/webhooks/unprocessed?limit=5")]
    public async Task Endpoint_WithOnlyItsOwnParameters_Returns200(string path)
    {
        var response = await _admin.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Endpoint_WithoutApiKeyAndUnknownParameter_Returns401First()
    {
        var response = await _host.Client.GetAsync("/api/messages?page=2");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    // Probes are anonymous, take no parameters and answer the same whatever they are sent: an orchestrator's
    // cache-buster is not a mistake worth failing a probe for.
    [TestCase("/health/live?probe=kubelet")]
    [TestCase("/health/ready?nocache=1")]
    public async Task HealthProbe_WithAQueryString_StillAnswers200(string path)
    {
        var response = await _host.Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    // Prometheus sends a scrape job's `params` as query parameters; the exporter ignores them, as every exporter does.
    [Test]
    public async Task Metrics_WithAQueryString_StillAnswers200()
    {
        using var agent = _host.Factory.CreateClientWithKey(TestApiKeys.Agent);

        var response = await agent.GetAsync("/metrics?module=gateway&name[]=x");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PlivoWebhook_PostWithArbitraryQueryKeys_IsStored()
    {
        var uuid = Guid.NewGuid().ToString();
        var url = new Uri($"{WebhookTestHost.WebhookUrl}?ref={Guid.NewGuid()}&tenant=acme&anything=else");
        var request = PlivoWebhookSigner.SignedFormPost(url, WebhookTestHost.InboundForm(uuid), FakePlivoServer.DefaultAuthToken);

        var response = await _host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await _host.Factory.WithDbAsync(db => db.Messages.CountAsync(m => m.ProviderMessageId == uuid)), Is.EqualTo(1));
    }

    [Test]
    public async Task PlivoWebhook_GetWithItsFieldsAndMoreInTheQuery_IsStored()
    {
        var uuid = Guid.NewGuid().ToString();
        var query = string.Join('&', WebhookTestHost.InboundForm(uuid).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        var url = new Uri($"{WebhookTestHost.WebhookUrl}?{query}&ref=abc&NewPlivoField=1");
        var request = PlivoWebhookSigner.SignedGet(url, FakePlivoServer.DefaultAuthToken);

        var response = await _host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await _host.Factory.WithDbAsync(db => db.Messages.CountAsync(m => m.ProviderMessageId == uuid)), Is.EqualTo(1));
    }
}
