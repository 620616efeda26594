using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WhatsApp.Api.Auth;

namespace WhatsApp.Tests.Functional;

/// <summary>
/// Every route the app maps, found from its endpoint data source, refuses anonymous calls, except health and the
/// signature-checked webhook. A new controller that forgets [Authorize] fails here, and a new route fails the role
/// matrix until someone writes down which roles may call it. The inbox's pages take a signed-in user, never an API key:
/// without one they send the browser to the sign-in page.
/// </summary>
[TestFixture]
public sealed partial class EndpointAuthorizationTests
{
    private static readonly string[] Anonymous = ["/health/live", "/health/ready", "/api/webhooks/plivo", "/inbox/login"];

    private static readonly string[] Everyone = [Roles.Sender, Roles.Agent, Roles.Admin];
    private static readonly string[] SendersAndAdmins = [Roles.Sender, Roles.Admin];
    private static readonly string[] AgentsAndAdmins = [Roles.Agent, Roles.Admin];
    private static readonly string[] AdminsOnly = [Roles.Admin];
    private static readonly string[] NoKey = [];

    /// <summary>Which roles each route admits; every other role gets 403.</summary>
    private static readonly Dictionary<string, string[]> RoleMatrix = new(StringComparer.Ordinal)
    {
        ["POST api/messages"] = SendersAndAdmins,
        ["GET api/messages/{id:guid}"] = Everyone,
        ["POST api/messages/{id:guid}/resend"] = AdminsOnly,
        ["GET api/messages"] = AgentsAndAdmins,
        ["GET api/messages/export"] = AgentsAndAdmins,
        ["GET api/conversations"] = AgentsAndAdmins,
        ["GET api/conversations/{contact}/messages"] = AgentsAndAdmins,
        ["GET api/contacts/{contact}/window"] = Everyone,
        ["DELETE api/contacts/{contact}"] = AdminsOnly,
        ["GET api/admin/webhooks/unprocessed"] = AdminsOnly,
        ["POST api/admin/webhooks/{id:guid}/replay"] = AdminsOnly,
        ["POST api/admin/simulator/inbound"] = AdminsOnly,
        ["GET metrics"] = AgentsAndAdmins,
        ["POST api/webhook-endpoints"] = AdminsOnly,
        ["GET api/webhook-endpoints"] = AdminsOnly,
        ["GET api/webhook-endpoints/{id:guid}"] = AdminsOnly,
        ["PATCH api/webhook-endpoints/{id:guid}"] = AdminsOnly,
        ["DELETE api/webhook-endpoints/{id:guid}"] = AdminsOnly,
        ["POST api/webhook-endpoints/{id:guid}/rotate-secret"] = AdminsOnly,
        ["GET api/webhook-endpoints/{id:guid}/deliveries"] = AdminsOnly,
        ["POST api/webhook-endpoints/{id:guid}/deliveries/{deliveryId:guid}/retry"] = AdminsOnly,
        ["POST api/webhook-endpoints/{id:guid}/recover"] = AdminsOnly,
        ["POST api/webhook-endpoints/{id:guid}/test"] = AdminsOnly,
        ["POST api/users"] = AdminsOnly,
        ["GET api/users/{id}"] = AdminsOnly,
        ["GET inbox"] = NoKey,
        ["POST inbox"] = NoKey,
        ["GET inbox/conversations/{contact}"] = NoKey,
        ["POST inbox/conversations/{contact}"] = NoKey,
        ["GET inbox/logout"] = NoKey,
        ["POST inbox/logout"] = NoKey,
        ["GET inbox/events"] = NoKey,
        ["GET inbox/export"] = NoKey,
        ["GET inbox/users"] = NoKey,
        ["GET inbox/denied"] = NoKey,
        ["POST inbox/denied"] = NoKey,
        ["POST inbox/users"] = NoKey,
    };

    private static readonly Dictionary<string, string> KeyOfRole = new(StringComparer.Ordinal)
    {
        [Roles.Sender] = TestApiKeys.Sender,
        [Roles.Agent] = TestApiKeys.Agent,
        [Roles.Admin] = TestApiKeys.Admin,
    };

    [Test]
    public async Task EveryRoute_WithoutApiKey_Returns401ExceptHealthAndWebhook()
    {
        await using var factory = new WhatsAppApiFactory();
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
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
            if (response.StatusCode != HttpStatusCode.Unauthorized && !ToSignIn(response))
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

    [Test]
    public async Task EveryRoute_ForEachRole_AdmitsExactlyTheRolesOfTheMatrix()
    {
        await using var factory = new WhatsAppApiFactory();
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => Methods(e).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Where(r => !Anonymous.Contains("/" + r.Split(' ', 2)[1]))
            .Distinct()
            .ToList();

        var wrong = new List<string>();
        foreach (var route in routes.Where(RoleMatrix.ContainsKey))
        {
            var (method, pattern) = (route.Split(' ', 2)[0], route.Split(' ', 2)[1]);
            foreach (var (role, key) in KeyOfRole)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(pattern));
                request.Headers.Add("X-Api-Key", key);
                using var response = await client.SendAsync(request);
                var admitted = response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && !ToSignIn(response);
                if (admitted != RoleMatrix[route].Contains(role))
                {
                    wrong.Add($"{route} as {role} -> {(int)response.StatusCode}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(routes.Where(r => !RoleMatrix.ContainsKey(r)), Is.Empty, "routes missing from the role matrix");
            Assert.That(RoleMatrix.Keys.Where(r => !routes.Contains(r)), Is.Empty, "matrix entries for routes that no longer exist");
            Assert.That(wrong, Is.Empty);
        });
    }

    private static bool ToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/inbox/login?", StringComparison.Ordinal) == true;

    // A Razor page answers every method its handlers have; the inbox's take GET and POST.
    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods
        ?? (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null ? ["GET", "POST"] : ["GET"]);

    /// <summary>Fills route parameters with plausible values so the request reaches the endpoint.</summary>
    private static string Concrete(string pattern) => "/" + GuidParameter().Replace(pattern.TrimStart('/'), _ => Guid.CreateVersion7().ToString())
        .Replace("{contact}", "%2B14155552671", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\w+:guid\}")]
    internal static partial System.Text.RegularExpressions.Regex GuidParameter();
}
