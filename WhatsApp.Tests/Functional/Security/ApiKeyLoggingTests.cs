using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace WhatsApp.Tests.Functional.Security;

/// <summary>With every category at Trace, no log entry, scope or exception ever contains an API key, valid or not.</summary>
[TestFixture]
public sealed class ApiKeyLoggingTests
{
    private const string WrongKey = "wrong-key-that-must-not-be-logged-0001";

    [Test]
    public async Task Requests_WithValidAndInvalidKeys_NeverLogTheKeys()
    {
        var capture = new CapturingLoggerProvider();
        await using var factory = new WhatsAppApiFactory(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["RateLimiting:PermitsPerSecond"] = "1",
            ["RateLimiting:Burst"] = "5",
        });
        await using var logged = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(capture)));
        using var client = logged.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var key in new[] { TestApiKeys.Sender, TestApiKeys.Agent, TestApiKeys.Admin, WrongKey })
        {
            statuses.Add(await SendAsync(client, HttpMethod.Post, "/api/messages", "X-Api-Key", key, new { to = "+14155552671", message = "hi" }));
            statuses.Add(await SendAsync(client, HttpMethod.Post, "/api/messages", "Authorization", "Bearer " + key, new { to = "nope" }));
            statuses.Add(await SendAsync(client, HttpMethod.Get, "/api/conversations", "X-Api-Key", key));
            statuses.Add(await SendAsync(client, HttpMethod.Delete, "/api/contacts/%2B14155552671", "Authorization", "Bearer " + key));
            statuses.Add(await SendAsync(client, HttpMethod.Post, "/api/webhooks/plivo", "X-Api-Key", key, new { MessageUUID = "x" }));
        }

        for (var i = 0; i < 20; i++)
        {
            statuses.Add(await SendAsync(client, HttpMethod.Get, "/api/contacts/%2B14155552671/window", "X-Api-Key", TestApiKeys.OtherSender));
        }

        var keys = new[] { TestApiKeys.Sender, TestApiKeys.OtherSender, TestApiKeys.Agent, TestApiKeys.Admin, WrongKey };
        var leaks = capture.Entries.Where(e => keys.Any(k => e.Contains(k, StringComparison.Ordinal))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(capture.Entries, Has.Count.GreaterThan(100), "Trace logging was captured");
            Assert.That(statuses, Does.Contain(HttpStatusCode.TooManyRequests).And.Contain(HttpStatusCode.Unauthorized).And.Contain(HttpStatusCode.Forbidden));
            Assert.That(leaks, Is.Empty);
        });
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path, string header, string value, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
