using System.Text;
using System.Text.Json.Nodes;
using WhatsApp.Domain.Messages;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Integration.Plivo;

[TestFixture]
public sealed class PlivoWireFormatTests
{
    private const string Envelope = """{"src":"14155550100","dst":"919999999999","type":"whatsapp",""";

    private FakePlivoServer _server = null!;
    private PlivoTestClient _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        _server = await FakePlivoServer.StartAsync();
        _client = PlivoTestClient.Create(_server);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    public static IEnumerable<TestCaseData> MessagesWithExpectedJson()
    {
        yield return Case("Text", () => PlivoTestMessages.Text(), """{"text":"Hello from the tests"}""");
        yield return Case("MediaWithCaption", PlivoTestMessages.Media,
            """{"text":"Your receipt","media_urls":["https://cdn.example.com/receipt.jpg"]}""");
        yield return Case("Template", PlivoTestMessages.Template,
            """{"template":{"name":"sample_purchase_feedback","language":"en_US","components":[""" +
            """{"type":"header","parameters":[{"type":"media","media":"https://cdn.example.com/header.jpg"}]},""" +
            """{"type":"body","parameters":[{"type":"text","text":"Ada","parameter_name":"customer"},""" +
            """{"type":"currency","currency":{"fallback_value":"$12.50","currency_code":"USD","amount_1000":12500}},""" +
            """{"type":"date_time","date_time":{"fallback_value":"June 1, 2026"}}]},""" +
            """{"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"feedback-yes"}]},""" +
            """{"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"orders/42"}]}]}}""");
        yield return Case("InteractiveButtons", PlivoTestMessages.InteractiveButtons,
            """{"interactive":{"type":"button","header":{"type":"text","text":"Your order"},"body":""" +
            """{"text":"Confirm delivery tomorrow?"},"footer":{"text":"Reply below"},"action":""" +
            """{"buttons":[{"id":"yes","title":"Yes"},{"id":"no","title":"No"}]}}}""");
        yield return Case("InteractiveList", PlivoTestMessages.InteractiveList,
            """{"interactive":{"type":"list","header":{"type":"text","text":"Menu"},"body":{"text":"Pick a drink"},"action":""" +
            """{"buttons":[{"title":"Options"}],"sections":[{"title":"Drinks","rows":[""" +
            """{"id":"tea","title":"Tea","description":"Hot"},{"id":"juice","title":"Juice"}]}]}}}""");
        yield return Case("InteractiveCtaUrl", PlivoTestMessages.InteractiveCtaUrl,
            """{"interactive":{"type":"cta_url","header":{"type":"media","media":"https://cdn.example.com/banner.png"},"body":""" +
            """{"text":"See your order"},"action":{"buttons":[{"title":"Open","cta_url":"https://shop.example.com/orders/42"}]}}}""");
        yield return Case("Location", PlivoTestMessages.Location,
            """{"location":{"latitude":"37.483307","longitude":"122.148981","name":"Plivo","address":"Palo Alto"}}""");
    }

    [TestCaseSource(nameof(MessagesWithExpectedJson))]
    public async Task SendAsync_MessageType_PostsExactPlivoJson(Func<Message> create, string expectedJson)
    {
        var result = await _client.SendAsync(create());

        Assert.That(result, Is.TypeOf<SendResult.Accepted>());
        Assert.That(_server.Requests.Single().Body, Is.EqualTo(expectedJson));
    }

    [TestCaseSource(nameof(MessagesWithExpectedJson))]
    public async Task SendAsync_MessageType_OmitsNullsAndSendsDigitsOnlyNumbers(Func<Message> create, string expectedJson)
    {
        await _client.SendAsync(create());

        var json = _server.Requests.Single().Json!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(NullValuedPaths(json), Is.Empty);
            Assert.That((string?)json["type"], Is.EqualTo("whatsapp"));
            Assert.That((string?)json["src"], Is.EqualTo("14155550100"));
            Assert.That((string?)json["dst"], Is.EqualTo("919999999999"));
            Assert.That(json.ContainsKey("url") || json.ContainsKey("method"), Is.False);
        });
    }

    [Test]
    public async Task SendAsync_Always_SendsBasicAuthAndJsonContentType()
    {
        await _client.SendAsync(PlivoTestMessages.Text());

        var request = _server.Requests.Single();
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakePlivoServer.DefaultAuthId}:{FakePlivoServer.DefaultAuthToken}"));
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Header("Authorization"), Is.EqualTo($"Basic {expected}"));
            Assert.That(request.Header("Content-Type"), Is.EqualTo("application/json; charset=utf-8"));
        });
    }

    [TestCase("", "")]
    [TestCase("/", "")]
    [TestCase("/proxy", "/proxy")]
    [TestCase("/proxy/", "/proxy")]
    public async Task SendAsync_BaseUrlWithOrWithoutTrailingSlash_PostsToMessagePathWithTrailingSlash(string basePath, string expectedPrefix)
    {
        var baseUrl = new Uri(_server.BaseUrl.GetLeftPart(UriPartial.Authority) + basePath);
        await using var client = PlivoTestClient.Create(baseUrl);

        var result = await client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.TypeOf<SendResult.Accepted>());
        Assert.That(_server.Requests.Single().Path, Is.EqualTo($"{expectedPrefix}/v1/Account/{FakePlivoServer.DefaultAuthId}/Message/"));
    }

    [TestCase("https://hooks.example.com", "/api/webhooks/plivo", "https://hooks.example.com/api/webhooks/plivo")]
    [TestCase("https://hooks.example.com/", "api/webhooks/plivo", "https://hooks.example.com/api/webhooks/plivo")]
    [TestCase("https://hooks.example.com/base/", "/api/webhooks/plivo", "https://hooks.example.com/base/api/webhooks/plivo")]
    public async Task SendAsync_PublicBaseUrlSet_SendsStatusCallbackUrlWithTheMessagesRefAndPostMethod(
        string publicBaseUrl, string webhookPath, string expectedUrl)
    {
        await using var client = PlivoTestClient.Create(_server, plivo =>
        {
            plivo.PublicBaseUrl = new Uri(publicBaseUrl);
            plivo.WebhookPath = webhookPath;
        });
        var message = PlivoTestMessages.Text();

        await client.SendAsync(message);

        var json = _server.Requests.Single().Json!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)json["url"], Is.EqualTo($"{expectedUrl}?ref={message.Id:D}"));
            Assert.That((string?)json["method"], Is.EqualTo("POST"));
        });
    }

    // Every body starts with the same src/dst/type; the cases give the rest of the object.
    private static TestCaseData Case(string name, Func<Message> create, string typeSpecificFields) =>
        new TestCaseData(create, Envelope + typeSpecificFields[1..]).SetArgDisplayNames(name);

    private static List<string> NullValuedPaths(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [p.Key] : NullValuedPaths(p.Value)).ToList(),
        JsonArray a => a.SelectMany(NullValuedPaths).ToList(),
        _ => [],
    };
}
