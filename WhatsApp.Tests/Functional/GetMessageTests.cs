using System.Net;
using System.Net.Http.Json;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional;

[TestFixture]
public sealed class GetMessageTests
{
    private WhatsAppApiFactory _factory = null!;

    [OneTimeSetUp]
    public void StartApp() => _factory = new WhatsAppApiFactory();

    [OneTimeTearDown]
    public async Task StopApp() => await _factory.DisposeAsync();

    [Test]
    public async Task Get_OwnMessage_ReturnsItWithStatusAndTimestamps()
    {
        using var sender = _factory.CreateClientWithKey(TestApiKeys.Sender);
        var location = await SendAsync(sender);

        var response = await sender.GetAsync(location);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("queued"));
            Assert.That(json.GetProperty("direction").GetString(), Is.EqualTo("outbound"));
            Assert.That(json.GetProperty("to").GetString(), Is.EqualTo("+14155552671"));
            Assert.That(json.GetProperty("attempts").GetInt32(), Is.Zero);
            Assert.That(json.GetProperty("provider_message_id").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(json.TryGetProperty("created_at", out _), Is.True);
        });
    }

    [Test]
    public async Task Get_AnotherSendersMessage_Returns404()
    {
        using var sender = _factory.CreateClientWithKey(TestApiKeys.Sender);
        using var other = _factory.CreateClientWithKey(TestApiKeys.OtherSender);
        var location = await SendAsync(sender);

        var response = await other.GetAsync(location);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestCase(TestApiKeys.Agent)]
    [TestCase(TestApiKeys.Admin)]
    public async Task Get_AsAgentOrAdmin_ReturnsAnyMessage(string key)
    {
        using var sender = _factory.CreateClientWithKey(TestApiKeys.Sender);
        using var reader = _factory.CreateClientWithKey(key);
        var location = await SendAsync(sender);

        var response = await reader.GetAsync(location);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Get_UnknownId_Returns404Problem()
    {
        using var agent = _factory.CreateClientWithKey(TestApiKeys.Agent);

        var response = await agent.GetAsync($"/api/messages/{Guid.CreateVersion7()}");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_WithoutApiKey_Returns401()
    {
        using var anonymous = _factory.CreateClient();

        var response = await anonymous.GetAsync($"/api/messages/{Guid.CreateVersion7()}");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private static async Task<Uri> SendAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/messages", new { to = "+14155552671", message = "Hi" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        return response.Headers.Location!;
    }
}
