using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional;

/// <summary><c>metadata</c> on send: validated, stored, returned by the message and the history, part of the idempotency fingerprint.</summary>
[TestFixture]
public sealed class MessageMetadataTests
{
    private WhatsAppApiFactory _factory = null!;
    private HttpClient _sender = null!;
    private HttpClient _agent = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        _factory = new WhatsAppApiFactory();
        _sender = _factory.CreateClientWithKey(TestApiKeys.Sender);
        _agent = _factory.CreateClientWithKey(TestApiKeys.Agent);
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        _sender.Dispose();
        _agent.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Send_WithMetadata_IsReturnedByTheMessageTheSearchAndTheTimeline()
    {
        var to = NewRecipient();
        var metadata = new Dictionary<string, string> { ["order_id"] = "A-1042", ["crm.ticket"] = "7731", ["note"] = "ünïcode ✓" };

        var response = await _sender.PostAsJsonAsync("/api/messages", new { to, message = "Hi", metadata });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var message = await _sender.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        var search = await _agent.GetFromJsonAsync<JsonElement>($"/api/messages?contact={Uri.EscapeDataString(to)}");
        var timeline = await _agent.GetFromJsonAsync<JsonElement>($"/api/conversations/{Uri.EscapeDataString(to)}/messages");
        Assert.Multiple(() =>
        {
            Assert.That(Read(message.GetProperty("metadata")), Is.EqualTo(metadata));
            Assert.That(Read(search.GetProperty("items")[0].GetProperty("metadata")), Is.EqualTo(metadata));
            Assert.That(Read(timeline.GetProperty("items")[0].GetProperty("metadata")), Is.EqualTo(metadata));
        });
    }

    [Test]
    public async Task Send_WithoutMetadata_ShowsNull()
    {
        var response = await _sender.PostAsJsonAsync("/api/messages", new { to = NewRecipient(), message = "Hi" });

        var message = await _sender.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.That(message.GetProperty("metadata").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("""{"a":"1","b":"2","c":"3","d":"4","e":"5","f":"6","g":"7","h":"8","i":"9","j":"10","k":"11","l":"12","m":"13","n":"14","o":"15","p":"16","q":"17","r":"18","s":"19","t":"20","u":"21"}""", "metadata")]
    [TestCase("""{"a_key_of_forty_one_characters_xxxxxxxxxxx":"1"}""", "metadata")]
    [TestCase("""{"":"1"}""", "metadata")]
    [TestCase("""{"   ":"1"}""", "metadata")]
    [TestCase("""{"order_id":null}""", "metadata.order_id")]
    public async Task Send_WithBadMetadata_Returns400NamingIt_AndStoresNothing(string metadata, string field)
    {
        var to = NewRecipient();

        var response = await PostAsync(_sender, $$$"""{"to":"{{{to}}}","message":"Hi","metadata":{{{metadata}}}}""");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.EqualTo(new[] { field }));
        Assert.That(await CountAsync(to), Is.Zero);
    }

    [Test]
    public async Task Send_WithAValueOverTheLimit_Returns400NamingTheKey()
    {
        var to = NewRecipient();

        var response = await _sender.PostAsJsonAsync("/api/messages", new { to, message = "Hi", metadata = new { order_id = new string('x', 501) } });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.EqualTo(new[] { "metadata.order_id" }));
        Assert.That(await CountAsync(to), Is.Zero);
    }

    [TestCase("""{"order_id":42}""")]
    [TestCase("""{"order_id":{"nested":"x"}}""")]
    [TestCase("""["order_id"]""")]
    public async Task Send_WithMetadataThatIsNotStringsByKey_Returns400NamingIt(string metadata)
    {
        var to = NewRecipient();

        var response = await PostAsync(_sender, $$$"""{"to":"{{{to}}}","message":"Hi","metadata":{{{metadata}}}}""");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem).Single(), Does.Contain("metadata"));
        Assert.That(await CountAsync(to), Is.Zero);
    }

    [Test]
    public async Task Send_AtTheLimits_IsAccepted()
    {
        var metadata = Enumerable.Range(0, 20).ToDictionary(i => $"k{i}".PadRight(40, 'x'), _ => new string('v', 500));

        var response = await _sender.PostAsJsonAsync("/api/messages", new { to = NewRecipient(), message = "Hi", metadata });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Send_SameKeyWithMetadataReordered_IsAReplay_ButOtherMetadataIsAConflict()
    {
        var key = Guid.NewGuid().ToString();
        var to = NewRecipient();

        var first = await PostAsync(_sender, $$$"""{"to":"{{{to}}}","message":"Hi","metadata":{"a":"1","b":"2"}}""", key);
        var reordered = await PostAsync(_sender, $$$"""{"metadata":{"b":"2","a":"1"},"message":"Hi","to":"{{{to}}}"}""", key);
        var changed = await PostAsync(_sender, $$$"""{"to":"{{{to}}}","message":"Hi","metadata":{"a":"1","b":"3"}}""", key);

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(reordered.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(reordered.Headers.Location, Is.EqualTo(first.Headers.Location));
            await AssertProblemAsync(changed, HttpStatusCode.Conflict);
            Assert.That(await CountAsync(to), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Resend_CarriesTheOriginalsMetadata()
    {
        var admin = _factory.CreateClientWithKey(TestApiKeys.Admin);
        var metadata = new Dictionary<string, string> { ["order_id"] = "A-7" };
        var sent = await admin.PostAsJsonAsync("/api/messages", new { to = NewRecipient(), message = "Hi", metadata });
        var id = (await ReadJsonAsync(sent)).GetProperty("id").GetGuid();
        await _factory.WithDbAsync(async db =>
        {
            var stored = await db.Messages.SingleAsync(m => m.Id == id);
            stored.MarkSending(DateTimeOffset.UtcNow);
            stored.MarkFailed("131026", "undeliverable", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });

        var resend = await admin.PostAsync($"/api/messages/{id}/resend", null);

        Assert.That(resend.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await resend.Content.ReadAsStringAsync());
        var copy = await admin.GetFromJsonAsync<JsonElement>(resend.Headers.Location);
        Assert.That(Read(copy.GetProperty("metadata")), Is.EqualTo(metadata));
    }

    private static Dictionary<string, string> Read(JsonElement metadata) =>
        metadata.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static string NewRecipient() => $"+1415{Random.Shared.Next(1_000_000, 9_999_999)}";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    private Task<int> CountAsync(string to) => _factory.WithDbAsync(db => db.Messages.CountAsync(m => m.To == to));
}
