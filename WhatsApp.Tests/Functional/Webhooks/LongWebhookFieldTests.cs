using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>
/// A signed webhook is never refused for its length (on PostgreSQL the columns were varchar(n), and a longer field
/// failed the insert, answered 503 until Plivo gave up): content is stored whole; an identifier too long for its indexed
/// column leaves the receipt, whole, unprocessed.
/// </summary>
[TestFixture]
public sealed class LongWebhookFieldTests
{
    private WebhookTestHost _host = null!;

    [SetUp]
    public void Start() => _host = new WebhookTestHost();

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task Inbound_WithLongBodyMediaUrlAndRawField_IsAnswered200AndStoredInFull()
    {
        var uuid = Guid.NewGuid().ToString();
        var body = new string('b', 10_000);
        var media = "https://media.plivo.com/" + new string('m', 5_000);
        // Within the 64 KiB body cap; as JSON (each '<' escaped to \u003C) the raw fields take over 70,000 characters.
        var raw = new string('<', 12_000);
        var form = WebhookTestHost.InboundForm(uuid, body: body)
            .Where(f => f.Key != "ContentType")
            .Append(new("ContentType", "media"))
            .Append(new("Media0", media))
            .Append(new("Context.MessageUUID", new string('c', 3_000)))
            .Append(new("Extra", raw));

        var response = await _host.PostSignedAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var message = await _host.Factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.ProviderMessageId == uuid));
        var receipt = await _host.Factory.WithDbAsync(db => db.WebhookReceipts.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(message.Content.Text, Is.EqualTo(body));
            Assert.That(message.Content.MediaUrl, Is.EqualTo(media));
            Assert.That(message.Inbound!.MediaUrls, Is.EqualTo(new[] { media }));
            Assert.That(message.Inbound.RawFields["Extra"], Is.EqualTo(raw));
            Assert.That(receipt.Outcome, Is.EqualTo(WebhookOutcome.Processed));
            Assert.That(receipt.Fields.Single(f => f.Key == "Extra").Value, Is.EqualTo(raw));
            Assert.That(JsonSerializer.Serialize(receipt.Fields), Has.Length.GreaterThan(70_000));
        });
    }

    [Test]
    public async Task Status_FailedWithLongReasonAndConversationId_IsAppliedWithTheReasonInFull()
    {
        var uuid = Guid.NewGuid().ToString();
        var id = await _host.SeedSentMessageAsync(uuid);
        var reason = new string('e', 5_000);
        var form = WebhookTestHost.StatusForm(uuid, "failed", 2, errorCode: "300")
            .Where(f => f.Key != "ConversationID")
            .Append(new("ConversationID", new string('v', 2_000)))
            .Append(new("ErrorReason", reason));

        var response = await _host.PostSignedAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var message = await _host.Factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.Id == id));
        var report = await _host.Factory.WithDbAsync(db => db.StatusEvents.SingleAsync(e => e.ProviderMessageId == uuid));
        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(message.ErrorCode, Is.EqualTo("300"));
            Assert.That(message.Conversation!.Id, Has.Length.EqualTo(2_000));
            Assert.That(report.Reason, Is.EqualTo(reason));
        });
    }

    [Test]
    public async Task Status_WithErrorCodeLongerThanItsColumn_IsAnswered200AndKeptWholeAsUnprocessed()
    {
        var uuid = Guid.NewGuid().ToString();
        await _host.SeedSentMessageAsync(uuid);
        var errorCode = new string('9', 5_000);

        var response = await _host.PostSignedAsync(WebhookTestHost.StatusForm(uuid, "failed", 2, errorCode));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var receipt = await _host.Factory.WithDbAsync(db => db.WebhookReceipts.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Outcome, Is.EqualTo(WebhookOutcome.Unprocessed));
            Assert.That(receipt.Error, Does.Contain("ErrorCode"));
            Assert.That(receipt.Fields.Single(f => f.Key == "ErrorCode").Value, Is.EqualTo(errorCode));
        });
    }

    [Test]
    public async Task Inbound_WithSenderLongerThanAnyNumber_IsAnswered200AndKeptWholeAsUnprocessed()
    {
        var from = new string('1', 3_000);

        var response = await _host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from: from));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var receipt = await _host.Factory.WithDbAsync(db => db.WebhookReceipts.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Outcome, Is.EqualTo(WebhookOutcome.Unprocessed));
            Assert.That(receipt.Error, Does.Contain("From"));
            Assert.That(receipt.Contact, Is.Null);
            Assert.That(receipt.Fields.Single(f => f.Key == "From").Value, Is.EqualTo(from));
        });
    }

    [Test]
    public async Task Webhook_WithLongNonce_IsStoredOnceAndItsReplayRefused()
    {
        var nonce = new string('7', 3_000);
        var uuid = Guid.NewGuid().ToString();

        var first = await _host.PostSignedAsync(WebhookTestHost.InboundForm(uuid), nonce);
        var replay = await _host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString()), nonce);

        var receipt = await _host.Factory.WithDbAsync(db => db.WebhookReceipts.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(receipt.Nonce, Is.EqualTo(nonce));
        });
    }

    [Test]
    public async Task Inbound_WithNulCharacters_IsAnswered200AndStoredWithReplacementCharacters()
    {
        var uuid = Guid.NewGuid().ToString();
        // A form body with NUL is refused when read (400); a GET's query carries it through.
        var form = WebhookTestHost.InboundForm(uuid, body: "a\0b").Append(new("Extra\0", "\0"));
        var url = new Uri(WebhookTestHost.WebhookUrl + "?" + string.Join('&', form.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));

        var response = await _host.Client.SendAsync(PlivoWebhookSigner.SignedGet(url, FakePlivoServer.DefaultAuthToken));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var message = await _host.Factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.ProviderMessageId == uuid));
        Assert.Multiple(() =>
        {
            Assert.That(message.Content.Text, Is.EqualTo("a\uFFFDb"));
            Assert.That(message.Inbound!.RawFields["Extra\uFFFD"], Is.EqualTo("\uFFFD"));
        });
    }

    [Test]
    public async Task Webhook_SignedGetWithLongQuery_IsStoredWithItsWholeUrl()
    {
        var uuid = Guid.NewGuid().ToString();
        var query = string.Join('&', WebhookTestHost.InboundForm(uuid, body: new string('q', 5_000)).Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)));
        var url = new Uri(WebhookTestHost.WebhookUrl + "?" + query);

        var response = await _host.Client.SendAsync(PlivoWebhookSigner.SignedGet(url, FakePlivoServer.DefaultAuthToken));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var receipt = await _host.Factory.WithDbAsync(db => db.WebhookReceipts.SingleAsync());
        var message = await _host.Factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.ProviderMessageId == uuid));
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Url, Has.Length.GreaterThan(5_000));
            Assert.That(message.Content.Text, Has.Length.EqualTo(5_000));
        });
    }
}
