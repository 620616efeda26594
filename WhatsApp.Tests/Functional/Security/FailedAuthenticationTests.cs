using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace WhatsApp.Tests.Functional.Security;

/// <summary>
/// Invalid API keys are logged at Warning (address and header, never the key) and throttled per client address:
/// after 20 within a minute, that address gets 429 with Retry-After until the minute ends for every key except one
/// that had authenticated from it before, so a throttled guesser cannot tell a valid key from an invalid one. Other
/// addresses are unaffected, and behind a configured proxy each client keeps its own address.
/// </summary>
[TestFixture]
public sealed class FailedAuthenticationTests
{
    private const int Limit = 20;
    private const string WrongKey = "wrong-key-that-must-not-be-logged-0002";
    private const string Proxy = "10.0.0.5";

    [Test]
    public async Task InvalidKey_21stFromOneAddress_Is429WithRetryAfterWhileAValidKeyStillPasses()
    {
        await using var host = Host.Start();
        using var senderBefore = await host.SendAsync(TestApiKeys.Sender);
        using var adminBefore = await host.SendAsync(TestApiKeys.Admin, bearer: true);

        var first20 = await host.WrongKeyAsync(Limit);
        using var twentyFirst = await host.SendAsync(WrongKey);
        using var valid = await host.SendAsync(TestApiKeys.Sender);
        using var validAsBearer = await host.SendAsync(TestApiKeys.Admin, bearer: true);

        Assert.Multiple(() =>
        {
            Assert.That(senderBefore.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(adminBefore.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(first20, Is.All.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(twentyFirst.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(twentyFirst.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(twentyFirst.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(60)), "the window is frozen at its start");
            Assert.That(valid.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "a valid key that had succeeded from the throttled address");
            Assert.That(validAsBearer.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        });
    }

    [Test]
    public async Task ValidKey_NeverUsedFromAThrottledAddress_Is429LikeAnInvalidKey()
    {
        await using var host = Host.Start();
        using var agentBefore = await host.ReadAsync(TestApiKeys.Agent);

        await host.WrongKeyAsync(Limit);
        using var newKey = await host.SendAsync(TestApiKeys.Sender);
        using var newKeyAsBearer = await host.SendAsync(TestApiKeys.Admin, bearer: true);
        using var invalidKey = await host.SendAsync(WrongKey);
        using var knownKey = await host.ReadAsync(TestApiKeys.Agent);

        var newKeyBody = await WithoutTraceIdAsync(newKey);
        var invalidKeyBody = await WithoutTraceIdAsync(invalidKey);
        Assert.Multiple(() =>
        {
            Assert.That(agentBefore.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(newKey.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "a valid key new to the throttled address");
            Assert.That(newKeyAsBearer.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(newKey.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(invalidKey.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(newKeyBody, Is.EqualTo(invalidKeyBody), "the answer must not tell a valid key from an invalid one");
            Assert.That(newKey.Headers.RetryAfter, Is.EqualTo(invalidKey.Headers.RetryAfter));
            Assert.That(knownKey.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a key that had succeeded from the address before");
        });
    }

    [Test]
    public async Task ValidKey_FromAnotherAddress_PassesWhileOneAddressIsThrottled()
    {
        await using var host = Host.Start();

        await host.WrongKeyAsync(Limit + 1, peer: "198.51.100.9");
        using var sameAddress = await host.SendAsync(TestApiKeys.Sender, peer: "198.51.100.9");
        using var otherAddress = await host.SendAsync(TestApiKeys.Sender, peer: "198.51.100.10");

        Assert.Multiple(() =>
        {
            Assert.That(sameAddress.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(otherAddress.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        });
    }

    [Test]
    public async Task ValidKey_NeverUsedFromTheAddress_PassesAgainOnceTheWindowIsOver()
    {
        await using var host = Host.Start();
        await host.WrongKeyAsync(Limit + 5);
        using var during = await host.SendAsync(TestApiKeys.Sender);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        using var after = await host.SendAsync(TestApiKeys.Sender);

        Assert.Multiple(() =>
        {
            Assert.That(during.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        });
    }

    [Test]
    public async Task InvalidKey_AfterTheWindowPasses_IsAnswered401Again()
    {
        await using var host = Host.Start();
        await host.WrongKeyAsync(Limit + 5);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        using var again = await host.SendAsync(WrongKey);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task InvalidKey_ThroughAConfiguredProxy_IsThrottledPerClientNotPerProxy()
    {
        await using var host = Host.Start(new() { ["ForwardedHeaders:KnownProxies:0"] = Proxy });

        await host.WrongKeyAsync(Limit, peer: Proxy, forwardedFor: "203.0.113.7");
        using var sameClient = await host.SendAsync(WrongKey, peer: Proxy, forwardedFor: "203.0.113.7");
        using var otherClient = await host.SendAsync(WrongKey, peer: Proxy, forwardedFor: "203.0.113.8");

        Assert.Multiple(() =>
        {
            Assert.That(sameClient.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(otherClient.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another client behind the same proxy");
        });
    }

    // Without a proxy configured no peer is believed; with one, loopback (trusted by ASP.NET Core's defaults) is not.
    [TestCase(null, "198.51.100.9")]
    [TestCase(Proxy, "198.51.100.9")]
    [TestCase(Proxy, "127.0.0.1")]
    public async Task InvalidKey_WithAForwardedForFromAnUnconfiguredPeer_CannotChooseItsAddress(string? proxy, string peer)
    {
        await using var host = Host.Start(proxy is null ? null : new() { ["ForwardedHeaders:KnownProxies:0"] = proxy });

        await host.WrongKeyAsync(Limit, peer: peer, forwardedFor: "203.0.113.7");
        using var claimingAnotherAddress = await host.SendAsync(WrongKey, peer: peer, forwardedFor: "203.0.113.99");

        Assert.That(claimingAnotherAddress.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [TestCase(false, "X-Api-Key")]
    [TestCase(true, "Authorization")]
    public async Task InvalidKey_IsLoggedAtWarningWithAddressAndHeader_NeverTheKey(bool bearer, string header)
    {
        await using var host = Host.Start(new() { ["ForwardedHeaders:KnownProxies:0"] = Proxy });

        using var response = await host.SendAsync(WrongKey, bearer, peer: Proxy, forwardedFor: "203.0.113.7");

        var warnings = host.Logs.Entries.Where(e => e.StartsWith("Warning", StringComparison.Ordinal) && e.Contains("Invalid API key", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(warnings, Has.Count.EqualTo(1));
            Assert.That(warnings, Is.All.Contains("203.0.113.7").And.Contains($"the {header} header"));
            Assert.That(host.Logs.Entries, Has.None.Contains(WrongKey));
        });
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }

    private sealed class Host : IAsyncDisposable
    {
        private readonly WhatsAppApiFactory _factory;
        private readonly WebApplicationFactory<Program> _app;
        private readonly HttpClient _client;

        private Host(Dictionary<string, string?>? settings)
        {
            _factory = new WhatsAppApiFactory(settings: settings);
            _app = _factory.WithWebHostBuilder(b => b
                .ConfigureLogging(l => l.AddProvider(Logs))
                .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock).AddSingleton<IStartupFilter, PeerAddress>()));
            _client = _app.CreateClient();
        }

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public CapturingLoggerProvider Logs { get; } = new();

        public static Host Start(Dictionary<string, string?>? settings = null) => new(settings);

        public async Task<List<HttpStatusCode>> WrongKeyAsync(int times, string? peer = null, string? forwardedFor = null)
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < times; i++)
            {
                using var response = await SendAsync(WrongKey, peer: peer, forwardedFor: forwardedFor);
                statuses.Add(response.StatusCode);
            }

            return statuses;
        }

        public Task<HttpResponseMessage> SendAsync(string key, bool bearer = false, string? peer = null, string? forwardedFor = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(new { to = "+14155552671", message = "hi" }) };
            request.Headers.TryAddWithoutValidation(bearer ? "Authorization" : "X-Api-Key", bearer ? "Bearer " + key : key);
            if (peer is not null)
            {
                request.Headers.Add(PeerAddress.Header, peer);
            }

            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }

            return _client.SendAsync(request);
        }

        public Task<HttpResponseMessage> ReadAsync(string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/messages");
            request.Headers.Add("X-Api-Key", key);
            return _client.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _app.DisposeAsync();
            await _factory.DisposeAsync();
        }
    }
}
