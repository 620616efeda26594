using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsApp.Tests.Fakes;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional;

/// <summary>The whole path: API → SQLite outbox → dispatcher → Plivo adapter → a fake Plivo over real HTTP.</summary>
[TestFixture]
public sealed class DispatchToPlivoTests
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
            ["Dispatch:AttemptTimeout"] = "00:00:00.500",
            ["Dispatch:RetryBaseDelay"] = "00:00:00.050",
            ["Dispatch:RetryMaxDelay"] = "00:00:00.200",
            ["Dispatch:MaxAttempts"] = "3",
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
    public async Task Send_PlivoAccepts_MessageReachesPlivoOnceAndEndsSentWithItsUuid()
    {
        var location = await SendAsync();

        var message = await WaitForStatusAsync(location, "sent");

        Assert.Multiple(() =>
        {
            Assert.That(_plivo.Requests, Has.Count.EqualTo(1));
            Assert.That(message.GetProperty("provider_message_id").GetString(), Is.EqualTo(_plivo.AcceptedUuids.Single()));
            Assert.That(message.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That((string?)_plivo.Requests[0].Json!["dst"], Is.EqualTo("14155552671"));
            Assert.That((string?)_plivo.Requests[0].Json!["text"], Is.EqualTo("Hello from the gateway"));
        });
    }

    [Test]
    public async Task Send_PlivoRejects_EndsFailedWithPlivosReason()
    {
        _plivo.Enqueue(FakeResponse.Error(400, "dst is not a valid WhatsApp number"));
        var location = await SendAsync();

        var message = await WaitForStatusAsync(location, "failed");

        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("error_code").GetString(), Is.EqualTo("plivo_400"));
            Assert.That(message.GetProperty("error_reason").GetString(), Does.Contain("not a valid WhatsApp number"));
            Assert.That(_plivo.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Send_Plivo503ThenAccepts_IsRetriedAndEndsSent()
    {
        _plivo.Enqueue(FakeResponse.Error(503, "busy"), FakeResponse.Error(503, "busy"));
        var location = await SendAsync();

        var message = await WaitForStatusAsync(location, "sent");

        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("attempts").GetInt32(), Is.EqualTo(3));
            Assert.That(_plivo.AcceptedCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Send_Plivo502_EndsOutcomeUnknownAfterOneRequestAndIsNeverResent()
    {
        _plivo.Enqueue(FakeResponse.Error(502, "Bad gateway"));
        var location = await SendAsync();

        var message = await WaitForStatusAsync(location, "outcome_unknown");

        // Past the longest backoff (200 ms) several times over: a retry would have happened by now.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = await ReadJsonAsync(await _sender.GetAsync(location));
        Assert.Multiple(() =>
        {
            Assert.That(_plivo.Requests, Has.Count.EqualTo(1), "exactly one request reached Plivo");
            Assert.That(after.GetProperty("status").GetString(), Is.EqualTo("outcome_unknown"));
            Assert.That(after.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That(message.GetProperty("error_code").GetString(), Is.EqualTo("outcome_unknown"));
            Assert.That(message.GetProperty("error_reason").GetString(), Does.Contain("Plivo answered 502"));
        });
    }

    [Test]
    public async Task Send_PlivoHangsPastTheTimeout_EndsOutcomeUnknownAndIsNotResent()
    {
        _plivo.Enqueue(FakeResponse.Hang(TimeSpan.FromSeconds(5)));
        var location = await SendAsync();

        var message = await WaitForStatusAsync(location, "outcome_unknown");
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Multiple(() =>
        {
            Assert.That(_plivo.Requests, Has.Count.EqualTo(1));
            Assert.That(message.GetProperty("error_code").GetString(), Is.EqualTo("outcome_unknown"));
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
