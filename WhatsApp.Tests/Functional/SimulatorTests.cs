using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WhatsApp.Tests.Functional;

/// <summary>The embedded default: no Plivo account, yet statuses move and customers can be played.</summary>
[TestFixture]
public sealed class SimulatorTests
{
    private WhatsAppApiFactory _factory = null!;

    [SetUp]
    public void Start() => _factory = new WhatsAppApiFactory(dispatch: true, settings: new Dictionary<string, string?>
    {
        ["Messaging:CustomerServiceWindow"] = "Enforce",
    });

    [TearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    [Test]
    public async Task Simulator_InboundThenReply_ReplyMovesToReadWithItsHistory()
    {
        using var admin = _factory.CreateClientWithKey(TestApiKeys.Admin);
        var inbound = await admin.PostAsJsonAsync("/api/admin/simulator/inbound", new { from = "+919999999999", message = "Hello?" });
        Assert.That(inbound.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await inbound.Content.ReadAsStringAsync());

        var sent = await admin.PostAsJsonAsync("/api/messages", new { to = "+919999999999", message = "Hi! How can we help?" });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await sent.Content.ReadAsStringAsync());

        var message = await WaitForAsync(admin, sent.Headers.Location!, "read");
        var statuses = message.GetProperty("status_history").EnumerateArray().Select(e => e.GetProperty("status").GetString());
        Assert.That(statuses, Is.EqualTo(new[] { "sent", "delivered", "read" }));
    }

    [Test]
    public async Task SimulateInbound_WithSenderKey_Returns403()
    {
        using var sender = _factory.CreateClientWithKey(TestApiKeys.Sender);

        var response = await sender.PostAsJsonAsync("/api/admin/simulator/inbound", new { from = "+919999999999", message = "Hi" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task SimulateInbound_WithoutFrom_Returns400NamingIt()
    {
        using var admin = _factory.CreateClientWithKey(TestApiKeys.Admin);

        var response = await admin.PostAsJsonAsync("/api/admin/simulator/inbound", new { message = "Hi" });

        var problem = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(HttpAssertions.ErrorKeys(problem), Does.Contain("from"));
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, Uri location, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonElement message;
        do
        {
            message = await client.GetFromJsonAsync<JsonElement>(location);
            if (message.GetProperty("status").GetString() == status)
            {
                return message;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Never reached {status}: {message}");
        return message;
    }
}
