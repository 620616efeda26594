using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsApp.Tests.Fakes;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>
/// The whole path of an unknown outcome: a real send to the fake Plivo over HTTP times out, the callback URL it
/// carried names the message, and Plivo's signed report on that URL settles it; or staff resend it.
/// </summary>
[TestFixture]
public sealed class UnknownOutcomeResolutionTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private FakePlivoServer _plivo = null!;
    private WhatsAppApiFactory _factory = null!;
    private HttpClient _sender = null!;

    [SetUp]
    public async Task Start()
    {
        _plivo = await FakePlivoServer.StartAsync();
        _factory = new WhatsAppApiFactory(_plivo.BaseUrl, dispatch: true, new Dictionary<string, string?>
        {
            ["Plivo:PublicBaseUrl"] = WebhookTestHost.PublicBaseUrl.ToString(),
            ["Dispatch:AttemptTimeout"] = "00:00:00.500",
        });
        _sender = _factory.CreateClientWithKey(TestApiKeys.Sender);
    }

    [TearDown]
    public async Task Stop()
    {
        _sender.Dispose();
        await _factory.DisposeAsync();
        await _plivo.DisposeAsync();
    }

    [Test]
    public async Task Send_PlivoHangs_CallbackUrlCarriesTheRefAndPlivosSignedReportOnItResolvesTheMessage()
    {
        _plivo.Enqueue(FakeResponse.Hang(TimeSpan.FromSeconds(5)));
        var location = await SendAsync();
        var id = Guid.Parse(location.Segments[^1]);
        await WaitForStatusAsync(location, "outcome_unknown");
        var callback = (string?)_plivo.Requests.Single().Json!["url"];

        var uuid = Guid.NewGuid().ToString();
        using var client = _factory.CreateClient();
        var response = await client.SendAsync(PlivoWebhookSigner.SignedFormPost(
            new Uri(callback!), WebhookTestHost.StatusForm(uuid, "delivered", 2), FakePlivoServer.DefaultAuthToken));

        var message = await ReadJsonAsync(await _sender.GetAsync(location));
        Assert.Multiple(() =>
        {
            Assert.That(callback, Is.EqualTo($"{WebhookTestHost.WebhookUrl}?ref={id:D}"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("delivered"));
            Assert.That(message.GetProperty("provider_message_id").GetString(), Is.EqualTo(uuid));
            Assert.That(message.GetProperty("error_code").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(_plivo.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Resend_OfAnOutcomeUnknownSend_GoesToPlivoOnceAsANewMessage()
    {
        _plivo.Enqueue(FakeResponse.Hang(TimeSpan.FromSeconds(5)));
        var location = await SendAsync();
        var id = Guid.Parse(location.Segments[^1]);
        await WaitForStatusAsync(location, "outcome_unknown");

        using var admin = _factory.CreateClientWithKey(TestApiKeys.Admin);
        var response = await admin.PostAsync($"/api/messages/{id}/resend", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var resend = await WaitForStatusAsync(response.Headers.Location!, "sent");

        Assert.Multiple(() =>
        {
            Assert.That(resend.GetProperty("resend_of").GetGuid(), Is.EqualTo(id));
            Assert.That(_plivo.Requests, Has.Count.EqualTo(2));
            Assert.That((string?)_plivo.Requests[1].Json!["text"], Is.EqualTo("Hello from the gateway"));
            Assert.That((string?)_plivo.Requests[1].Json!["url"], Is.EqualTo($"{WebhookTestHost.WebhookUrl}?ref={resend.GetProperty("id").GetGuid():D}"));
        });
    }

    private async Task<Uri> SendAsync()
    {
        var response = await _sender.PostAsJsonAsync("/api/messages", new { to = "+14155552671", message = "Hello from the gateway" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        return response.Headers.Location!;
    }

    private Task<JsonElement> WaitForStatusAsync(Uri location, string status) =>
        HttpAssertions.WaitForStatusAsync(_sender, location, status, Deadline);
}
