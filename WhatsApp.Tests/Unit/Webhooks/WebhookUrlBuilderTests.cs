using Microsoft.AspNetCore.Http;
using WhatsApp.Api.Features.PlivoWebhooks;

namespace WhatsApp.Tests.Unit.Webhooks;

[TestFixture]
public sealed class WebhookUrlBuilderTests
{
    [TestCase("https://hooks.example.com", "https://hooks.example.com/api/webhooks/plivo")]
    [TestCase("https://hooks.example.com/", "https://hooks.example.com/api/webhooks/plivo")]
    [TestCase("https://hooks.example.com/gateway", "https://hooks.example.com/gateway/api/webhooks/plivo")]
    [TestCase("https://hooks.example.com/gateway/", "https://hooks.example.com/gateway/api/webhooks/plivo")]
    [TestCase("https://tunnel.example.com:8443/", "https://tunnel.example.com:8443/api/webhooks/plivo")]
    [TestCase("https://hooks.example.com/gateway?ignored=1#also", "https://hooks.example.com/gateway/api/webhooks/plivo")]
    public void Build_WithPublicBaseUrl_UsesItsSchemeHostPortAndPrefix(string publicBaseUrl, string expected)
    {
        var request = Request("http", "localhost:5000", string.Empty, "/api/webhooks/plivo", string.Empty);

        Assert.That(WebhookUrlBuilder.Build(request, new Uri(publicBaseUrl)), Is.EqualTo(expected));
    }

    [Test]
    public void Build_WithPublicBaseUrl_KeepsPathBaseAndTheRawQuery()
    {
        var request = Request("http", "10.0.0.5:8080", "/wa", "/api/webhooks/plivo", "?tenant=acme&b=a%20b&c=%2B");

        Assert.That(
            WebhookUrlBuilder.Build(request, new Uri("https://hooks.example.com/edge/")),
            Is.EqualTo("https://hooks.example.com/edge/wa/api/webhooks/plivo?tenant=acme&b=a%20b&c=%2B"));
    }

    [Test]
    public void Build_WithoutPublicBaseUrl_UsesTheRequestUrl()
    {
        var request = Request("http", "localhost:5000", "/wa", "/api/webhooks/plivo", "?b=2&a=1");

        Assert.That(WebhookUrlBuilder.Build(request, null), Is.EqualTo("http://localhost:5000/wa/api/webhooks/plivo?b=2&a=1"));
    }

    [Test]
    public void Build_WithoutPublicBaseUrlOrQuery_UsesTheRequestUrlWithoutQuestionMark()
    {
        var request = Request("https", "hooks.example.com", string.Empty, "/api/webhooks/plivo", string.Empty);

        Assert.That(WebhookUrlBuilder.Build(request, null), Is.EqualTo("https://hooks.example.com/api/webhooks/plivo"));
    }

    [Test]
    public void Build_RelativePublicBaseUrl_Throws()
    {
        var request = Request("http", "localhost", string.Empty, "/hook", string.Empty);

        Assert.Throws<ArgumentException>(() => WebhookUrlBuilder.Build(request, new Uri("/relative", UriKind.Relative)));
    }

    private static HttpRequest Request(string scheme, string host, string pathBase, string path, string query)
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = scheme;
        request.Host = new HostString(host);
        request.PathBase = new PathString(pathBase);
        request.Path = new PathString(path);
        request.QueryString = new QueryString(query);
        return request;
    }
}
