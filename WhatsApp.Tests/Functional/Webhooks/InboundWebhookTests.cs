using System.Net;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional.Webhooks;

[TestFixture]
public sealed class InboundWebhookTests
{
    private WebhookTestHost _host = null!;

    [SetUp]
    public void Start() => _host = new WebhookTestHost();

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task Inbound_SignedForm_IsStoredWithEveryFieldAndOpensTheWindow()
    {
        var uuid = Guid.NewGuid().ToString();

        var response = await _host.PostSignedAsync(WebhookTestHost.InboundForm(uuid));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var message = await _host.Factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.ProviderMessageId == uuid));
        var contact = await _host.Factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Number == "+919999999999"));
        Assert.Multiple(() =>
        {
            Assert.That(message.Direction, Is.EqualTo(MessageDirection.Inbound));
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Received));
            Assert.That(message.From, Is.EqualTo("+919999999999"));
            Assert.That(message.To, Is.EqualTo(WebhookTestHost.OurNumber));
            Assert.That(message.Content.Text, Is.EqualTo("Hi there + welcome"));
            Assert.That(message.Inbound!.RawFields["SomethingNew"], Is.EqualTo("kept"));
            Assert.That(contact.LastInboundAt, Is.EqualTo(message.CreatedAt));
        });
    }

    [Test]
    public async Task Inbound_WithMediaAndUnknownContentType_KeepsMediaAndStoresTypeUnknown()
    {
        var uuid = Guid.NewGuid().ToString();
        var form = WebhookTestHost.InboundForm(uuid)
            .Where(f => f.Key != "ContentType")
            .Append(new("ContentType", "reaction"))
            .Append(new("Media0", "https://media.plivo.com/a.jpg"))
            .Append(new("Media1", "https://media.plivo.com/b.jpg"))
            .Append(new("MimeType", "image/jpeg"));

        var response = await _host.PostSignedAsync(form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var message = await _host.Factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.ProviderMessageId == uuid));
        Assert.Multiple(() =>
        {
            Assert.That(message.Type, Is.EqualTo(MessageType.Unknown));
            Assert.That(message.Inbound!.ContentType, Is.EqualTo("reaction"));
            Assert.That(message.Inbound.MediaUrls, Is.EqualTo(new[] { "https://media.plivo.com/a.jpg", "https://media.plivo.com/b.jpg" }));
            Assert.That(message.Inbound.MimeType, Is.EqualTo("image/jpeg"));
        });
    }

    [Test]
    public async Task Inbound_DeliveredThreeTimes_IsStoredAndCountedOnce()
    {
        var uuid = Guid.NewGuid().ToString();

        for (var i = 0; i < 3; i++)
        {
            var response = await _host.PostSignedAsync(WebhookTestHost.InboundForm(uuid, from: "919999990003"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(await CountAsync(uuid), Is.EqualTo(1));
        Assert.That(await _host.Factory.WithDbAsync(db => db.WebhookReceipts.CountAsync(r => r.Outcome == WebhookOutcome.Duplicate)), Is.EqualTo(2));
        Assert.That(await _host.Factory.WithDbAsync(db => db.Contacts.Where(c => c.Number == "+919999990003").Select(c => c.InboundCount).SingleAsync()),
            Is.EqualTo(1), "the conversation summary counts the message once");
    }

    [Test]
    public async Task Inbound_TenConcurrentCopies_AreStoredOnce()
    {
        var uuid = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _host.PostSignedAsync(WebhookTestHost.InboundForm(uuid))));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await CountAsync(uuid), Is.EqualTo(1));
    }

    [Test]
    public async Task Inbound_WithBadSignature_Returns403AndStoresNothing()
    {
        var uuid = Guid.NewGuid().ToString();

        var response = await _host.PostSignedAsync(WebhookTestHost.InboundForm(uuid), token: "not-the-auth-token");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync(uuid), Is.Zero);
            Assert.That(await _host.Factory.WithDbAsync(db => db.WebhookReceipts.CountAsync()), Is.Zero);
        });
    }

    [Test]
    public async Task Inbound_ReusedNonce_Returns403AndStoresNothingNew()
    {
        const string nonce = "12345678901234567890";
        await _host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString()), nonce);
        var secondUuid = Guid.NewGuid().ToString();

        var replay = await _host.PostSignedAsync(WebhookTestHost.InboundForm(secondUuid), nonce);

        await AssertProblemAsync(replay, HttpStatusCode.Forbidden);
        Assert.That(await CountAsync(secondUuid), Is.Zero);
    }

    [Test]
    public async Task Inbound_JsonBody_Returns415()
    {
        var response = await _host.Client.PostAsync(WebhookTestHost.WebhookUrl.AbsolutePath, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Inbound_SignedGetWithQueryParameters_IsStored()
    {
        var uuid = Guid.NewGuid().ToString();
        var query = string.Join('&', WebhookTestHost.InboundForm(uuid).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        var request = Fakes.PlivoWebhookSigner.SignedGet(new Uri($"{WebhookTestHost.WebhookUrl}?{query}"), Fakes.FakePlivoServer.DefaultAuthToken);

        var response = await _host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await CountAsync(uuid), Is.EqualTo(1));
    }

    private Task<int> CountAsync(string uuid) => _host.Factory.WithDbAsync(db => db.Messages.CountAsync(m => m.ProviderMessageId == uuid));
}
