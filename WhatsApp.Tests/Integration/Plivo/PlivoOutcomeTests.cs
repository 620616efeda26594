using Microsoft.Extensions.Time.Testing;
using WhatsApp.Domain.Messages;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Integration.Plivo;

/// <summary>How Plivo's HTTP answers become send results.</summary>
[TestFixture]
public sealed class PlivoOutcomeTests
{
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

    [Test]
    public async Task SendAsync_PlivoQueues_ReturnsAcceptedWithFirstMessageUuid()
    {
        var result = await _client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.EqualTo(new SendResult.Accepted(_server.AcceptedUuids.Single())));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(403)]
    [TestCase(404)]
    [TestCase(405)]
    [TestCase(409)]
    [TestCase(422)]
    public async Task SendAsync_PermanentClientError_ReturnsRejectedWithPlivoErrorText(int status)
    {
        _server.Enqueue(FakeResponse.Error(status, "dst is not a valid number"));

        var result = await _client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.EqualTo(new SendResult.Rejected($"plivo_{status}", "dst is not a valid number")));
    }

    [Test]
    public async Task SendAsync_WrongAuthToken_ReturnsRejected401WithPlivoErrorText()
    {
        await using var client = PlivoTestClient.Create(_server, plivo => plivo.AuthToken = "wrong-token");

        var result = await client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.EqualTo(new SendResult.Rejected("plivo_401", "Authentication failed")));
    }

    [Test]
    public async Task SendAsync_403WithoutErrorText_ReturnsRejectedMentioningGeoPermissions()
    {
        _server.Enqueue(FakeResponse.Status(403));

        var result = await _client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.TypeOf<SendResult.Rejected>());
        Assert.That(((SendResult.Rejected)result).Reason, Does.Contain("geo permission"));
    }

    [TestCase(408)]
    [TestCase(429)]
    [TestCase(503)]
    public async Task SendAsync_StatusProvingTheMessageWasNotTaken_ReturnsRetryLater(int status)
    {
        _server.Enqueue(FakeResponse.Error(status, "try again"));

        var result = await _client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.EqualTo(new SendResult.RetryLater($"plivo_{status}", "try again")));
    }

    // Plivo's SDKs never retry message creation: these answers do not prove that Plivo did not queue the message.
    [TestCase(500)]
    [TestCase(501)]
    [TestCase(502)]
    [TestCase(504)]
    public async Task SendAsync_ServerErrorOtherThan503_ReturnsOutcomeUnknownNamingPlivosStatus(int status)
    {
        _server.Enqueue(FakeResponse.Error(status, "internal error"));

        var result = await _client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.TypeOf<SendResult.OutcomeUnknown>());
        var reason = ((SendResult.OutcomeUnknown)result).Reason;
        Assert.That(reason, Does.Contain($"Plivo answered {status}").And.Contain("internal error"));
        Assert.That(_server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_429WithRetryAfterSeconds_ReturnsRetryLaterWithThatDelay()
    {
        _server.Enqueue(FakeResponse.Error(429, "too many requests", retryAfter: "7"));

        var result = await _client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.EqualTo(new SendResult.RetryLater("plivo_429", "too many requests", TimeSpan.FromSeconds(7))));
    }

    [Test]
    public async Task SendAsync_503WithRetryAfterHttpDate_ReturnsRetryLaterUntilThatDate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var client = PlivoTestClient.Create(_server.BaseUrl, time: time);
        _server.Enqueue(FakeResponse.Error(503, "maintenance", retryAfter: "Mon, 01 Jun 2026 12:00:30 GMT"));

        var result = await client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.EqualTo(new SendResult.RetryLater("plivo_503", "maintenance", TimeSpan.FromSeconds(30))));
    }

    [Test]
    public async Task SendAsync_503ThenQueued_ReturnsRetryLaterThenAccepted()
    {
        _server.Enqueue(FakeResponse.Error(503, "unavailable"), FakeResponse.Accept());

        var first = await _client.SendAsync(PlivoTestMessages.Text());
        var second = await _client.SendAsync(PlivoTestMessages.Text());

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new SendResult.RetryLater("plivo_503", "unavailable")));
            Assert.That(second, Is.EqualTo(new SendResult.Accepted(_server.AcceptedUuids.Single())));
        });
    }

    [Test]
    public async Task SendAsync_ErrorIsAnObject_ReturnsItsRawJsonAsReason()
    {
        _server.Enqueue(FakeResponse.Status(400, """{"api_id":"a1","error":{"dst":["invalid number"]}}"""));

        var result = await _client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.EqualTo(new SendResult.Rejected("plivo_400", """{"dst":["invalid number"]}""")));
    }

    [TestCase(400, typeof(SendResult.Rejected))]
    [TestCase(502, typeof(SendResult.OutcomeUnknown))]
    public async Task SendAsync_NonJsonErrorBody_IsToleratedAndQuotedInReason(int status, Type expected)
    {
        _server.Enqueue(FakeResponse.Status(status, "<html><body>Bad things</body></html>"));

        var result = await _client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.TypeOf(expected));
        Assert.That(result.ToString(), Does.Contain("<html><body>Bad things</body></html>"));
    }

    [TestCase("""{"api_id":"a1","message":"message(s) queued"}""")]
    [TestCase("""{"api_id":"a1","message_uuid":[]}""")]
    [TestCase("not json at all")]
    [TestCase("")]
    public async Task SendAsync_SuccessWithoutUuid_ReturnsOutcomeUnknown(string body)
    {
        _server.Enqueue(FakeResponse.Status(202, body));

        var result = await _client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.TypeOf<SendResult.OutcomeUnknown>());
    }

    [Test]
    public async Task SendAsync_InboundOnlyMessageType_ReturnsRejectedWithoutCallingPlivo()
    {
        var message = PlivoTestMessages.Create(MessageType.Button, MessageContent.ForText("Yes"));

        var result = await _client.SendAsync(message);

        Assert.That(result, Is.TypeOf<SendResult.Rejected>().With.Property("ErrorCode").EqualTo("unsupported_message"));
        Assert.That(_server.Requests, Is.Empty);
    }
}
