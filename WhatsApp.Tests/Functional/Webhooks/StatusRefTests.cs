using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>
/// Status reports whose callback URL carries the message's own id (<c>?ref=</c>): matched by it when the message has
/// no uuid yet, so an unknown send outcome resolves, and the race with the send's answer is settled.
/// </summary>
[TestFixture]
public sealed class StatusRefTests
{
    private WebhookTestHost _host = null!;

    [SetUp]
    public void Start() => _host = new WebhookTestHost();

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [TestCase("queued", "sent")]
    [TestCase("sent", "sent")]
    [TestCase("delivered", "delivered")]
    [TestCase("read", "read")]
    [TestCase("failed", "failed")]
    [TestCase("undelivered", "undelivered")]
    public async Task Status_WithRefOfAnOutcomeUnknownMessage_ResolvesItAndFillsInPlivosUuid(string reported, string expected)
    {
        var message = await _host.SeedOutboundAsync(MessageStatus.OutcomeUnknown);
        var uuid = Guid.NewGuid().ToString();

        await PostAsync(WebhookTestHost.StatusForm(uuid, reported, 1, reported is "failed" or "undelivered" ? "300" : null), message.Id);

        var stored = await GetAsync(message.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("status").GetString(), Is.EqualTo(expected));
            Assert.That(stored.GetProperty("provider_message_id").GetString(), Is.EqualTo(uuid));
            Assert.That(stored.GetProperty("error_code").GetString(), Is.EqualTo(expected is "failed" or "undelivered" ? "300" : null));
            Assert.That(stored.GetProperty("status_history").GetArrayLength(), Is.EqualTo(1));
            Assert.That(stored.GetProperty("conversation").GetProperty("id").GetString(), Is.EqualTo("conv-1"));
        });
    }

    [Test]
    public async Task Status_WithRefThreeTimes_IsOneHistoryRow()
    {
        var message = await _host.SeedOutboundAsync(MessageStatus.OutcomeUnknown);
        var uuid = Guid.NewGuid().ToString();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostAsync(WebhookTestHost.StatusForm(uuid, "delivered", 2), message.Id)));

        Assert.Multiple(async () =>
        {
            Assert.That(await _host.Factory.WithDbAsync(db => db.StatusEvents.CountAsync(e => e.ProviderMessageId == uuid)), Is.EqualTo(1));
            Assert.That((await GetAsync(message.Id)).GetProperty("status").GetString(), Is.EqualTo("delivered"));
        });
    }

    [TestCase("accepted")]
    [TestCase("unknown")]
    [TestCase("retry")]
    public async Task Status_WithRefBeforeTheSendsAnswerIsStored_IsAppliedAndTheLaterAnswerMovesNothingBack(string answer)
    {
        var message = await _host.SeedOutboundAsync(MessageStatus.Sending);
        var uuid = Guid.NewGuid().ToString();

        await PostAsync(WebhookTestHost.StatusForm(uuid, "delivered", 2), message.Id);
        var now = DateTimeOffset.UtcNow;
        switch (answer)
        {
            case "accepted":
                message.MarkSent(uuid, now);
                break;
            case "unknown":
                message.MarkOutcomeUnknown("The request timed out after it was sent.", now);
                break;
            default:
                message.ScheduleRetry("plivo_503", "busy", now, now);
                break;
        }

        await _host.Factory.Services.GetRequiredService<IOutbox>().SaveOutcomeAsync(message, default);

        var stored = await GetAsync(message.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("status").GetString(), Is.EqualTo("delivered"));
            Assert.That(stored.GetProperty("provider_message_id").GetString(), Is.EqualTo(uuid));
            Assert.That(stored.GetProperty("error_code").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(stored.GetProperty("next_attempt_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(stored.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That(stored.GetProperty("status_history").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task SaveOutcome_AcceptedWithAnotherUuidAfterARefReport_KeepsTheReportsUuid()
    {
        var message = await _host.SeedOutboundAsync(MessageStatus.Sending);
        var uuid = Guid.NewGuid().ToString();
        await PostAsync(WebhookTestHost.StatusForm(uuid, "sent", 1), message.Id);

        message.MarkSent(Guid.NewGuid().ToString(), DateTimeOffset.UtcNow);
        await _host.Factory.Services.GetRequiredService<IOutbox>().SaveOutcomeAsync(message, default);

        Assert.That((await GetAsync(message.Id)).GetProperty("provider_message_id").GetString(), Is.EqualTo(uuid));
    }

    [TestCase("not-a-uuid")]
    [TestCase("")]
    [TestCase("{0}&ref={0}")]
    [TestCase("{0}x")]
    public async Task Status_WithMalformedRef_IsMatchedByItsUuidAlone(string refValue)
    {
        var uuid = Guid.NewGuid().ToString();
        var sent = await _host.SeedOutboundAsync(MessageStatus.Sent, uuid);
        var unknown = await _host.SeedOutboundAsync(MessageStatus.OutcomeUnknown);
        var url = new Uri($"{WebhookTestHost.WebhookUrl}?ref={string.Format(System.Globalization.CultureInfo.InvariantCulture, refValue, unknown.Id)}");

        var response = await _host.PostSignedAsync(WebhookTestHost.StatusForm(uuid, "delivered", 2), url: url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertStatusAsync(sent.Id, "delivered", uuid);
        await AssertStatusAsync(unknown.Id, "outcome_unknown", null);
    }

    [Test]
    public async Task Status_WithRefOfNoMessage_IsAnswered200AndWaitsUnapplied()
    {
        var uuid = Guid.NewGuid().ToString();

        var response = await _host.PostSignedAsync(WebhookTestHost.StatusForm(uuid, "delivered", 2), url: WebhookTestHost.RefUrl(Guid.CreateVersion7()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var applied = await _host.Factory.WithDbAsync(db => db.StatusEvents.Where(e => e.ProviderMessageId == uuid).Select(e => e.Applied).SingleAsync());
        Assert.That(applied, Is.False);
    }

    [Test]
    public async Task Status_WithRefOfAnInboundMessage_ChangesNothingOfIt()
    {
        var inboundUuid = Guid.NewGuid().ToString();
        Assert.That((await _host.PostSignedAsync(WebhookTestHost.InboundForm(inboundUuid))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var inboundId = await _host.Factory.WithDbAsync(db => db.Messages.Where(m => m.ProviderMessageId == inboundUuid).Select(m => m.Id).SingleAsync());

        await PostAsync(WebhookTestHost.StatusForm(Guid.NewGuid().ToString(), "failed", 1, "300"), inboundId);

        await AssertStatusAsync(inboundId, "received", inboundUuid);
    }

    [Test]
    public async Task Status_WithRefOfAMessageThatHasAnotherUuid_KeepsItsUuidAndStatus()
    {
        var ownUuid = Guid.NewGuid().ToString();
        var message = await _host.SeedOutboundAsync(MessageStatus.Sent, ownUuid);

        await PostAsync(WebhookTestHost.StatusForm(Guid.NewGuid().ToString(), "failed", 1, "300"), message.Id);

        await AssertStatusAsync(message.Id, "sent", ownUuid);
    }

    [Test]
    public async Task Status_WithRefOfOneMessageAndTheUuidOfAnother_AppliesToTheUuidsMessageOnly()
    {
        var uuid = Guid.NewGuid().ToString();
        var holder = await _host.SeedOutboundAsync(MessageStatus.Sent, uuid);
        var unknown = await _host.SeedOutboundAsync(MessageStatus.OutcomeUnknown);

        await PostAsync(WebhookTestHost.StatusForm(uuid, "delivered", 2), unknown.Id);

        await AssertStatusAsync(holder.Id, "delivered", uuid);
        await AssertStatusAsync(unknown.Id, "outcome_unknown", null);
    }

    [Test]
    public async Task Status_WithRefChangedAfterSigning_Returns403AndChangesNothing()
    {
        var signedFor = await _host.SeedOutboundAsync(MessageStatus.OutcomeUnknown);
        var target = await _host.SeedOutboundAsync(MessageStatus.OutcomeUnknown);
        using var request = PlivoWebhookSigner.SignedFormPost(
            WebhookTestHost.RefUrl(signedFor.Id), WebhookTestHost.StatusForm(Guid.NewGuid().ToString(), "delivered", 2), FakePlivoServer.DefaultAuthToken);
        request.RequestUri = WebhookTestHost.RefUrl(target.Id);

        var response = await _host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await AssertStatusAsync(signedFor.Id, "outcome_unknown", null);
        await AssertStatusAsync(target.Id, "outcome_unknown", null);
    }

    [Test]
    public async Task Status_WithRefInTheFormInsteadOfTheUrl_IsNotMatchedByIt()
    {
        var message = await _host.SeedOutboundAsync(MessageStatus.OutcomeUnknown);

        await PostAsync([.. WebhookTestHost.StatusForm(Guid.NewGuid().ToString(), "delivered", 2), new("ref", message.Id.ToString())], reference: null);

        await AssertStatusAsync(message.Id, "outcome_unknown", null);
    }

    [Test]
    public async Task Status_AsSignedGetWithRefBesidePlivosFields_ResolvesTheMessage()
    {
        var message = await _host.SeedOutboundAsync(MessageStatus.OutcomeUnknown);
        var uuid = Guid.NewGuid().ToString();
        var query = string.Join("&", WebhookTestHost.StatusForm(uuid, "delivered", 2).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        var url = new Uri($"{WebhookTestHost.RefUrl(message.Id)}&{query}");

        var response = await _host.Client.SendAsync(PlivoWebhookSigner.SignedGet(url, FakePlivoServer.DefaultAuthToken));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        await AssertStatusAsync(message.Id, "delivered", uuid);
    }

    [Test]
    public async Task Status_SignedWithV2Only_IgnoresTheRefBecauseV2DoesNotCoverTheQuery()
    {
        await using var host = new WebhookTestHost(settings: new Dictionary<string, string?> { ["Plivo:Webhooks:AllowV2Signatures"] = "true" });
        var message = await host.SeedOutboundAsync(MessageStatus.OutcomeUnknown);
        var url = WebhookTestHost.RefUrl(message.Id);
        var nonce = PlivoWebhookSigner.NewNonce();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(WebhookTestHost.StatusForm(Guid.NewGuid().ToString(), "delivered", 2)),
        };
        request.Headers.Add("X-Plivo-Signature-V2-Nonce", nonce);
        request.Headers.Add("X-Plivo-Signature-V2", WhatsApp.Infrastructure.Plivo.Signatures.PlivoSignatureV2.ComputeV2(
            url.GetLeftPart(UriPartial.Path), nonce, FakePlivoServer.DefaultAuthToken));

        var response = await host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var agent = host.Factory.CreateClientWithKey(TestApiKeys.Agent);
        var stored = await agent.GetFromJsonAsync<JsonElement>($"/api/messages/{message.Id}");
        Assert.That(stored.GetProperty("status").GetString(), Is.EqualTo("outcome_unknown"));
    }

    private async Task PostAsync(IEnumerable<KeyValuePair<string, string>> form, Guid? reference)
    {
        var response = await _host.PostSignedAsync(form, url: reference is { } id ? WebhookTestHost.RefUrl(id) : null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task AssertStatusAsync(Guid id, string status, string? providerMessageId)
    {
        var message = await GetAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("status").GetString(), Is.EqualTo(status), $"status of {id}");
            Assert.That(message.GetProperty("provider_message_id").GetString(), Is.EqualTo(providerMessageId), $"provider id of {id}");
        });
    }

    private async Task<JsonElement> GetAsync(Guid id)
    {
        using var agent = _host.Factory.CreateClientWithKey(TestApiKeys.Agent);
        return await agent.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
    }
}
