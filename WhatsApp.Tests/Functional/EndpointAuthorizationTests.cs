using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WhatsApp.Tests.Functional;

/// <summary>
/// Every route the app maps, found from its endpoint data source, refuses anonymous calls, except health and the
/// signature-checked webhook. A new controller that forgets [Authorize] fails here.
/// </summary>
[TestFixture]
public sealed class EndpointAuthorizationTests
{
    private static readonly string[] Anonymous = ["/health/live", "/health/ready", "/api/webhooks/plivo"];

    [Test]
    public async Task EveryRoute_WithoutApiKey_Returns401ExceptHealthAndWebhook()
    {
        await using var factory = new WhatsAppApiFactory();
        using var client = factory.CreateClient();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => Methods(e).Select(m => (Method: m, Path: Concrete(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();

        var anonymous = new List<string>();
        foreach (var (method, path) in routes.Where(r => !Anonymous.Contains(r.Path)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                anonymous.Add($"{method} {path} -> {(int)response.StatusCode}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(routes, Has.Count.GreaterThanOrEqualTo(12), "the endpoint enumeration found too few routes");
            Assert.That(anonymous, Is.Empty);
        });
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    /// <summary>Fills route parameters with plausible values so the request reaches the endpoint.</summary>
    private static string Concrete(string pattern) => "/" + pattern.TrimStart('/')
        .Replace("{id:guid}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal)
        .Replace("{contact}", "%2B14155552671", StringComparison.Ordinal);
}
