using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WhatsApp.Tests.Functional.Security;

/// <summary>
/// Per-key token buckets. The tests never depend on timing: they send until the bucket runs dry, which happens
/// within a few requests even if the machine is slow, because it refills only one request per second.
/// </summary>
[TestFixture]
public sealed class RateLimitingTests
{
    private const string WindowPath = "/api/contacts/%2B14155552671/window";

    [Test]
    public async Task Requests_OverTheKeysBurst_Return429ProblemWithRetryAfter()
    {
        await using var factory = Limited(permitsPerSecond: 1, burst: 2);
        using var client = factory.CreateClientWithKey(TestApiKeys.Sender);

        var rejected = await SendUntilThrottledAsync(client);

        var problem = await HttpAssertions.AssertProblemAsync(rejected, HttpStatusCode.TooManyRequests);
        Assert.Multiple(() =>
        {
            Assert.That(rejected.Headers.RetryAfter?.Delta, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Too many requests"));
            Assert.That(problem.TryGetProperty("traceId", out _), Is.True, "problem details carry a trace id");
        });
    }

    [Test]
    public async Task ThrottledKey_OtherKeys_AreStillServed()
    {
        await using var factory = Limited(permitsPerSecond: 1, burst: 2);
        using var greedy = factory.CreateClientWithKey(TestApiKeys.Sender);
        using var other = factory.CreateClientWithKey(TestApiKeys.OtherSender);
        using var agent = factory.CreateClientWithKey(TestApiKeys.Agent);

        using var rejected = await SendUntilThrottledAsync(greedy);
        using var fromOther = await other.GetAsync(WindowPath);
        using var fromAgent = await agent.GetAsync(WindowPath);

        Assert.Multiple(() =>
        {
            Assert.That(fromOther.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fromAgent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task HealthAndWebhook_AreNotLimitedPerKey()
    {
        await using var factory = Limited(permitsPerSecond: 1, burst: 1);
        using var client = factory.CreateClientWithKey(TestApiKeys.Admin);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var live = await client.GetAsync("/health/live");
            using var webhook = await client.PostAsync("/api/webhooks/plivo", new FormUrlEncodedContent([new("MessageUUID", "x")]));
            statuses.Add(live.StatusCode);
            statuses.Add(webhook.StatusCode);
        }

        Assert.That(statuses, Has.None.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task Limiter_WithZeroPermitsPerSecond_IsOff()
    {
        await using var factory = Limited(permitsPerSecond: 0, burst: 0);
        using var client = factory.CreateClientWithKey(TestApiKeys.Sender);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await client.GetAsync(WindowPath);
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Has.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Host_Disposed_DisposesThePerKeyLimiter()
    {
        var factory = Limited(permitsPerSecond: 1, burst: 2);
        using (var client = factory.CreateClientWithKey(TestApiKeys.Sender))
        {
            Assert.That((await client.GetAsync(WindowPath)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var limiter = factory.Services.GetRequiredService<PartitionedRateLimiter<HttpContext>>();
        var inUse = factory.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter;
        await factory.DisposeAsync();

        // Left undisposed, each limiter kept a timer running for the rest of the process.
        Assert.Multiple(() =>
        {
            Assert.That(inUse, Is.SameAs(limiter), "the middleware uses the container's limiter");
            Assert.Throws<ObjectDisposedException>(() => limiter.AttemptAcquire(AnonymousRequest()));
        });
    }

    [TestCase("-1", "10", "RateLimiting:PermitsPerSecond")]
    [TestCase("100", "10", "RateLimiting:Burst")]
    public async Task Start_WithInvalidLimits_FailsNamingTheKey(string permitsPerSecond, string burst, string key)
    {
        await using var factory = new WhatsAppApiFactory(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:PermitsPerSecond"] = permitsPerSecond,
            ["RateLimiting:Burst"] = burst,
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain(key));
    }

    private static DefaultHttpContext AnonymousRequest() => new()
    {
        RequestServices = new ServiceCollection()
            .AddSingleton(Options.Create(new WhatsApp.Api.RateLimiting.RateLimitingOptions()))
            .BuildServiceProvider(),
    };

    private static WhatsAppApiFactory Limited(int permitsPerSecond, int burst) => new(settings: new Dictionary<string, string?>
    {
        ["RateLimiting:PermitsPerSecond"] = permitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static async Task<HttpResponseMessage> SendUntilThrottledAsync(HttpClient client)
    {
        for (var i = 0; i < 200; i++)
        {
            var response = await client.GetAsync(WindowPath);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            response.Dispose();
        }

        Assert.Fail("200 requests in a row were not throttled by a bucket of 2 that refills 1 per second");
        throw new InvalidOperationException("unreachable");
    }
}
