using WhatsApp.Api.Features.Messages;
using WhatsApp.Api.Features.Messages.Interactive;
using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

/// <summary>
/// Every URL we hand to Plivo to fetch must look public: credentials and literal loopback, private, link-local and
/// unspecified addresses (also as IPv4-mapped IPv6) and localhost names are refused, keyed by the field's JSON path.
/// </summary>
public sealed class PublicUrlValidatorTests : ValidatorTestBase
{
    private static readonly (string Name, Func<string, SendMessageRequest> Request, string Key)[] Fields =
    [
        ("media_urls", url => Media(url), "media_urls[0]"),
        ("cta_url", url => CtaUrl(url), "interactive.action.buttons[0].cta_url"),
        ("template media", url => Template(Component("header", TemplateParameter("media", media: url))), "template.components[0].parameters[0].media"),
        ("header media", url => WithHeaderMedia(url), "interactive.header.media"),
    ];

    private static readonly (string Kind, string Url)[] Refused =
    [
        ("user and password", "https://user:secret@cdn.example.com/a.png"),
        ("user only", "https://user@cdn.example.com/a.png"),
        ("empty user", "https://@cdn.example.com/a.png"),
        ("empty user and password", "https://:@cdn.example.com/a.png"),
        ("IPv4 loopback", "https://127.0.0.1/a.png"),
        ("IPv4 loopback, not .1", "https://127.10.20.30/a.png"),
        ("IPv4 loopback as one decimal", "https://2130706433/a.png"),
        ("IPv4 loopback in hex", "https://0x7f.0.0.1/a.png"),
        ("IPv4 loopback in octal", "https://0177.0.0.1/a.png"),
        ("IPv4 loopback, short form", "https://127.1/a.png"),
        ("IPv6 loopback", "https://[::1]/a.png"),
        ("RFC 1918 10/8", "https://10.1.2.3/a.png"),
        ("RFC 1918 172.16/12 low", "https://172.16.0.1/a.png"),
        ("RFC 1918 172.16/12 high", "https://172.31.255.254/a.png"),
        ("RFC 1918 192.168/16", "https://192.168.1.10/a.png"),
        ("IPv6 ULA fd00::/8", "https://[fd12:3456::1]/a.png"),
        ("IPv6 ULA fc00::/8", "https://[fc00::1]/a.png"),
        ("IPv4 link-local (cloud metadata)", "https://169.254.169.254/latest/meta-data"),
        ("IPv6 link-local", "https://[fe80::1]/a.png"),
        ("IPv4 unspecified", "https://0.0.0.0/a.png"),
        ("IPv6 unspecified", "https://[::]/a.png"),
        ("IPv4-mapped loopback", "https://[::ffff:127.0.0.1]/a.png"),
        ("IPv4-mapped private", "https://[::ffff:192.168.0.1]/a.png"),
        ("IPv4-mapped link-local", "https://[::ffff:169.254.169.254]/a.png"),
        ("IPv4-mapped loopback in hex", "https://[::ffff:7f00:1]/a.png"),
        ("IPv4-compatible loopback", "https://[::127.0.0.1]/a.png"),
        ("IPv6 link-local with a zone id", "https://[fe80::1%25eth0]/a.png"),
        ("IPv4 shared address space 100.64/10 low", "https://100.64.0.1/a.png"),
        ("IPv4 shared address space 100.64/10 high", "https://100.127.255.254/a.png"),
        ("IPv4 multicast", "https://224.0.0.1/a.png"),
        ("IPv4 reserved 240/4", "https://240.0.0.1/a.png"),
        ("IPv4 broadcast", "https://255.255.255.255/a.png"),
        ("IPv6 multicast", "https://[ff02::1]/a.png"),
        ("IPv4-mapped shared address space", "https://[::ffff:100.64.0.1]/a.png"),
        ("NAT64 of a private address", "https://[64:ff9b::10.0.0.1]/a.png"),
        ("NAT64 of loopback", "https://[64:ff9b::7f00:1]/a.png"),
        ("localhost", "https://localhost/a.png"),
        ("LOCALHOST with a trailing dot", "https://LOCALHOST./a.png"),
        ("a name under localhost", "https://api.localhost/a.png"),
        ("localhost with a port", "https://localhost:8443/a.png"),
        ("localhost percent-encoded", "https://%6c%6fcalhost/a.png"),
    ];

    private static readonly (string Kind, string Url)[] Accepted =
    [
        ("a DNS name", "https://cdn.example.com/a.png"),
        ("a public IPv4 address", "https://8.8.8.8/a.png"),
        ("just past 172.16/12", "https://172.32.0.1/a.png"),
        ("just below 100.64/10", "https://100.63.255.255/a.png"),
        ("just past 100.64/10", "https://100.128.0.1/a.png"),
        ("just below multicast", "https://223.255.255.255/a.png"),
        ("NAT64 of a public address", "https://[64:ff9b::8.8.8.8]/a.png"),
        ("a public IPv6 address", "https://[2606:4700::1111]/a.png"),
        ("IPv4-mapped public address", "https://[::ffff:8.8.8.8]/a.png"),
        ("an @ in the path and query", "https://cdn.example.com/a@b.png?by=ada@example.com"),
        ("a name that merely contains localhost", "https://localhost.example.com/a.png"),
    ];

    [TestCaseSource(nameof(RefusedCases))]
    public void Validate_UrlThatIsNotPublic_ErrorOnTheField(Func<string, SendMessageRequest> request, string url, string key) =>
        AssertErrorKeys(request(url), key);

    [TestCaseSource(nameof(AcceptedCases))]
    public void Validate_PublicUrl_HasNoErrors(Func<string, SendMessageRequest> request, string url) =>
        AssertValid(request(url));

    [Test]
    public void Validate_UrlThatIsNotPublic_SaysWhy()
    {
        var error = Validate(Media("https://10.0.0.1/a.png")).Errors.Single();

        Assert.That(error.ErrorMessage, Does.Contain("public").And.Contain("private"));
    }

    private static IEnumerable<TestCaseData> RefusedCases() =>
        from field in Fields
        from url in Refused
        select new TestCaseData(field.Request, url.Url, field.Key).SetArgDisplayNames(field.Name, url.Kind);

    private static IEnumerable<TestCaseData> AcceptedCases() =>
        from field in Fields
        from url in Accepted
        select new TestCaseData(field.Request, url.Url).SetArgDisplayNames(field.Name, url.Kind);

    private static SendMessageRequest WithHeaderMedia(string url)
    {
        var request = CtaUrl();
        return request with { Interactive = request.Interactive! with { Header = new InteractiveHeaderRequest { Type = "media", Media = url } } };
    }
}
