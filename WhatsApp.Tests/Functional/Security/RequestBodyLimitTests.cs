using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsApp.Api.Errors;

namespace WhatsApp.Tests.Functional.Security;

/// <summary>Every route, found from the endpoint data source, refuses a body over 64 KiB with a 413 problem.</summary>
[TestFixture]
public sealed class RequestBodyLimitTests
{
    private const int Limit = 64 * 1024;

    [Test]
    public async Task EveryRoute_WithABodyOverTheLimit_Returns413()
    {
        await using var factory = new WhatsAppApiFactory();
        using var client = factory.CreateClientWithKey(TestApiKeys.Admin);
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is not null)

            // The inbox's export takes a signed-in user, not a key (so it answers 401 first); Kestrel's cap (below) covers it.
            .Where(e => !e.RoutePattern.RawText!.TrimStart('/').StartsWith("inbox/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();

        var accepted = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var path = "/" + EndpointAuthorizationTests.GuidParameter().Replace(pattern.TrimStart('/'), _ => Guid.CreateVersion7().ToString())
                .Replace("{contact}", "%2B14155552671", StringComparison.Ordinal);
            var webhook = path.StartsWith("/api/webhooks", StringComparison.Ordinal);
            using var content = new ByteArrayContent(new byte[Limit + 1]);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(webhook ? "application/x-www-form-urlencoded" : "application/json");
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                accepted.Add($"{method} {path} -> {(int)response.StatusCode}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(routes, Has.Count.GreaterThanOrEqualTo(12));
            Assert.That(accepted, Is.Empty);
        });
    }

    [Test]
    public async Task Server_OutsideMvc_CapsEveryBodyAtTheSameLimit()
    {
        await using var factory = new WhatsAppApiFactory();
        factory.CreateClient().Dispose();

        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.That(kestrel.Limits.MaxRequestBodySize, Is.EqualTo(RequestBodyLimitAttribute.DefaultMaxBytes));
    }
}
