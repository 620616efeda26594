using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional;

[TestFixture]
public sealed class SendMessageTests
{
    private WhatsAppApiFactory _factory = null!;
    private HttpClient _sender = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        _factory = new WhatsAppApiFactory();
        _sender = _factory.CreateClientWithKey(TestApiKeys.Sender);
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        _sender.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Send_ValidText_Returns202WithLocationAndStoresQueuedMessage()
    {
        var response = await _sender.PostAsJsonAsync("/api/messages", new { to = "+14155552671", type = "text", message = "Hi" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var json = await ReadJsonAsync(response);
        var id = json.GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("queued"));
            Assert.That(id.Version, Is.EqualTo(7));
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo($"/api/messages/{id}"));
        });
        var stored = await _factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.Id == id));
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status.ToString(), Is.EqualTo("Queued"));
            Assert.That(stored.From, Is.EqualTo(TestApiKeys.DefaultSender));
            Assert.That(stored.Content.Text, Is.EqualTo("Hi"));
            Assert.That(stored.ClientName, Is.EqualTo("sender-a"));
        });
    }

    [Test]
    public async Task Send_WithBearerToken_Returns202()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestApiKeys.Sender);

        var response = await client.PostAsJsonAsync("/api/messages", new { to = "+14155552671", message = "Hi" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task Send_WithoutApiKey_Returns401Problem()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", new { to = "+14155552671", message = "Hi" });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty);
    }

    [Test]
    public async Task Send_WithUnknownApiKey_Returns401Problem()
    {
        using var client = _factory.CreateClientWithKey(TestApiKeys.Sender + "x");

        var response = await client.PostAsJsonAsync("/api/messages", new { to = "+14155552671", message = "Hi" });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Send_WithAgentKey_Returns403Problem()
    {
        using var agent = _factory.CreateClientWithKey(TestApiKeys.Agent);

        var response = await agent.PostAsJsonAsync("/api/messages", new { to = "+14155552671", message = "Hi" });

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Send_BodyOver64KiB_Returns413Problem()
    {
        var body = $$"""{"to":"+14155552671","message":"{{new string('a', 70_000)}}"}""";

        var response = await _sender.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [TestCase("{\"to\":", TestName = "Send_TruncatedJson_Returns400")]
    [TestCase("{\"to\": 14155552671, \"message\": \"Hi\"}", TestName = "Send_NumberForString_Returns400")]
    [TestCase("[1,2]", TestName = "Send_JsonArray_Returns400")]
    [TestCase("", TestName = "Send_EmptyBody_Returns400")]
    public async Task Send_MalformedJson_Returns400Problem(string body)
    {
        var response = await _sender.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.Not.Empty);
    }

    [Test]
    public async Task Send_UnknownField_Returns400NamingIt()
    {
        var response = await _sender.PostAsync(
            "/api/messages", new StringContent("""{"to":"+14155552671","message":"Hi","colour":"red"}""", Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").ToString(), Does.Contain("colour"));
    }

    [Test]
    public async Task Send_WrongContentType_Returns415Problem()
    {
        var response = await _sender.PostAsync("/api/messages", new StringContent("to=+14155552671", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Send_IdempotencyKeyOver255Characters_Returns400NamingHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new { to = "+14155552671", message = "Hi" }),
        };
        request.Headers.Add("Idempotency-Key", new string('k', 256));

        var response = await _sender.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Does.Contain("Idempotency-Key"));
    }

    [Test]
    public async Task Health_WithoutApiKey_IsLiveAndReady()
    {
        using var client = _factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Multiple(() =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
