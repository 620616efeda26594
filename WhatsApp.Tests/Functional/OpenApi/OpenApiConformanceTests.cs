using System.Text;
using System.Text.Json.Nodes;
using WhatsApp.Api.OpenApi;

namespace WhatsApp.Tests.Functional.OpenApi;

/// <summary>Real answers of the API, validated against the schema the document gives for that operation and status.</summary>
[TestFixture]
public sealed class OpenApiConformanceTests
{
    private const string Contact = "+14155552671";

    [TestCaseSource(nameof(MessageTypes))]
    public async Task SendAndGet_EachMessageType_MatchTheDocumentedSchemas(string example)
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);
        using var client = factory.CreateClientWithKey(TestApiKeys.Admin);

        var sent = await client.PostAsync("/api/messages", Json(SendMessageExamples.Bodies[example]));
        await AssertConformsAsync(document, "/api/messages", "post", sent, 202);
        var read = await client.GetAsync(sent.Headers.Location);
        await AssertConformsAsync(document, "/api/messages/{id}", "get", read, 200);
    }

    [Test]
    public async Task HistoryLists_MatchTheDocumentedSchemas()
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);
        using var client = factory.CreateClientWithKey(TestApiKeys.Admin);
        await AssertConformsAsync(document, "/api/admin/simulator/inbound", "post",
            await client.PostAsync("/api/admin/simulator/inbound", Json($$"""{ "from": "{{Contact}}", "message": "Hi" }""")), 202);
        await client.PostAsync("/api/messages", Json(SendMessageExamples.Bodies["text"]));

        await AssertConformsAsync(document, "/api/messages", "get", await client.GetAsync("/api/messages?limit=1"), 200);
        await AssertConformsAsync(document, "/api/conversations", "get", await client.GetAsync("/api/conversations"), 200);
        await AssertConformsAsync(document, "/api/conversations/{contact}/messages", "get",
            await client.GetAsync($"/api/conversations/{Uri.EscapeDataString(Contact)}/messages?limit=1"), 200);
        await AssertConformsAsync(document, "/api/contacts/{contact}/window", "get",
            await client.GetAsync($"/api/contacts/{Uri.EscapeDataString(Contact)}/window"), 200);
        await AssertConformsAsync(document, "/api/admin/webhooks/unprocessed", "get", await client.GetAsync("/api/admin/webhooks/unprocessed"), 200);
        await AssertConformsAsync(document, "/api/contacts/{contact}", "delete",
            await client.DeleteAsync($"/api/contacts/{Uri.EscapeDataString(Contact)}"), 200);
    }

    [Test]
    public async Task Export_HeadersMatchTheDocumentedOnes()
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);
        using var client = factory.CreateClientWithKey(TestApiKeys.Agent);

        var response = await client.GetAsync("/api/messages/export");

        var documented = document.Operation("/api/messages/export", "get")["responses"]!["200"]!;
        var pattern = (string)documented["headers"]!["Content-Disposition"]!["schema"]!["pattern"]!;
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(documented["content"]!.AsObject().Select(c => c.Key), Does.Contain(response.Content.Headers.ContentType!.MediaType));
            Assert.That(response.Content.Headers.ContentDisposition!.ToString(), Does.Match(pattern));
        });
    }

    [TestCase("/api/messages", "post", 400, TestApiKeys.Sender, """{ "to": "x", "mediaUrls": [] }""", "application/json")]
    [TestCase("/api/messages", "post", 401, null, """{ "to": "+14155552671", "message": "Hi" }""", "application/json")]
    [TestCase("/api/messages", "post", 415, TestApiKeys.Sender, "to=+14155552671", "text/plain")]
    [TestCase("/api/messages", "get", 403, TestApiKeys.Sender, null, null)]
    [TestCase("/api/messages", "get", 400, TestApiKeys.Agent, null, null)]
    [TestCase("/api/messages/{id}", "get", 404, TestApiKeys.Sender, null, null)]
    [TestCase("/api/messages/{id}/resend", "post", 404, TestApiKeys.Admin, null, null)]
    [TestCase("/api/admin/webhooks/{id}/replay", "post", 404, TestApiKeys.Admin, null, null)]
    [TestCase("/api/webhooks/plivo", "post", 403, null, "From=14155552671&To=14155550100&MessageUUID=x", "application/x-www-form-urlencoded")]
    public async Task ProblemResponses_MatchTheDocumentedSchemas(string path, string method, int status, string? key, string? body, string? mediaType)
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);
        using var client = key is null ? factory.CreateClient() : factory.CreateClientWithKey(key);
        var url = path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal) + (status == 400 && method == "get" ? "?limit=0" : "");
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType!);
        }

        await AssertConformsAsync(document, path, method, await client.SendAsync(request), status);
    }

    [Test]
    public async Task Conflict_And_TooLarge_MatchTheDocumentedSchemas()
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);
        using var client = factory.CreateClientWithKey(TestApiKeys.Sender);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "conformance-1");
        await client.PostAsync("/api/messages", Json(SendMessageExamples.Bodies["text"]));

        await AssertConformsAsync(document, "/api/messages", "post", await client.PostAsync("/api/messages", Json(SendMessageExamples.Bodies["location"])), 409);
        var large = $$"""{ "to": "{{Contact}}", "message": "{{new string('a', 70_000)}}" }""";
        await AssertConformsAsync(document, "/api/messages", "post", await client.PostAsync("/api/messages", Json(large)), 413);
    }

    [Test]
    public async Task WindowClosed_MatchesTheDocumentedSchema()
    {
        await using var factory = ApiDocument.Factory(new Dictionary<string, string?> { ["Messaging:CustomerServiceWindow"] = "Enforce" });
        var document = await ApiDocument.LoadAsync(factory);
        using var client = factory.CreateClientWithKey(TestApiKeys.Sender);

        await AssertConformsAsync(document, "/api/messages", "post", await client.PostAsync("/api/messages", Json(SendMessageExamples.Bodies["text"])), 422);
    }

    [Test]
    public async Task RateLimited_MatchesTheDocumentedSchemaAndHeader()
    {
        await using var factory = ApiDocument.Factory(new Dictionary<string, string?> { ["RateLimiting:PermitsPerSecond"] = "1", ["RateLimiting:Burst"] = "1" });
        var document = await ApiDocument.LoadAsync(factory);
        using var client = factory.CreateClientWithKey(TestApiKeys.Agent);

        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await client.GetAsync("/api/conversations");
        }
        while ((int)response.StatusCode != 429 && ++attempts < 200);

        await AssertConformsAsync(document, "/api/conversations", "get", response, 429);
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
    }

    private static IEnumerable<string> MessageTypes() => SendMessageExamples.Bodies.Keys;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertConformsAsync(ApiDocument document, string path, string method, HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
        var mediaType = response.Content.Headers.ContentType!.MediaType!;
        var responses = document.Operation(path, method)["responses"]!.AsObject();
        Assert.That(responses.Select(r => r.Key), Does.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{method} {path} does not document {status}");

        var errors = document.Errors(ApiDocument.ResponseSchema(path, method, status, mediaType), JsonNode.Parse(text));

        Assert.That(errors, Is.Empty, $"{method} {path} {status}: {text}");
    }
}
