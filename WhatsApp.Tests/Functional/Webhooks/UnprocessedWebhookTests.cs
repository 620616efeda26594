using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Tests.Functional.Webhooks;

[TestFixture]
public sealed class UnprocessedWebhookTests
{
    private WebhookTestHost _host = null!;
    private HttpClient _admin = null!;

    [SetUp]
    public void Start()
    {
        _host = new WebhookTestHost();
        _admin = _host.Factory.CreateClientWithKey(TestApiKeys.Admin);
    }

    [TearDown]
    public async Task Stop()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task Webhook_SignedButWithoutMessageUuid_IsAnswered200AndListedAsUnprocessed()
    {
        var response = await _host.PostSignedAsync([new("Event", "Something"), new("Foo", "bar")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var unprocessed = await _admin.GetFromJsonAsync<JsonElement>("/api/admin/webhooks/unprocessed");
        Assert.Multiple(() =>
        {
            Assert.That(unprocessed.GetArrayLength(), Is.EqualTo(1));
            Assert.That(unprocessed[0].GetProperty("kind").GetString(), Is.EqualTo("unknown"));
            Assert.That(unprocessed[0].GetProperty("error").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Webhook_StatusWithAnUnknownStatusValue_IsKeptUnprocessed()
    {
        var response = await _host.PostSignedAsync(WebhookTestHost.StatusForm(Guid.NewGuid().ToString(), "teleported", 1));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await _host.Factory.WithDbAsync(db => db.WebhookReceipts.CountAsync(r => r.Outcome == WebhookOutcome.Unprocessed)), Is.EqualTo(1));
    }

    [Test]
    public async Task Replay_AnUnprocessedReceiptThatCanNowBeProcessed_StoresTheMessageAndLeavesTheList()
    {
        var uuid = Guid.NewGuid().ToString();
        var delivery = new WebhookDelivery("n-1", "v3", "POST", WebhookTestHost.WebhookUrl.ToString(), WebhookTestHost.InboundForm(uuid), DateTimeOffset.UtcNow);
        var receipt = WebhookReceipt.From(delivery, Guid.CreateVersion7(), "inbound");
        receipt.MarkFailed("IOException: disk hiccup");
        await _host.Factory.WithDbAsync(async db =>
        {
            db.WebhookReceipts.Add(receipt);
            return await db.SaveChangesAsync();
        });

        var replay = await _admin.PostAsync($"/api/admin/webhooks/{receipt.Id}/replay", null);

        var body = await replay.Content.ReadFromJsonAsync<JsonElement>();
        var unprocessed = await _admin.GetFromJsonAsync<JsonElement>("/api/admin/webhooks/unprocessed");
        Assert.Multiple(async () =>
        {
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("outcome").GetString(), Is.EqualTo("processed"));
            Assert.That(await _host.Factory.WithDbAsync(db => db.Messages.CountAsync(m => m.ProviderMessageId == uuid)), Is.EqualTo(1));
            Assert.That(unprocessed.GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Replay_UnknownReceipt_Returns404()
    {
        var response = await _admin.PostAsync($"/api/admin/webhooks/{Guid.CreateVersion7()}/replay", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Unprocessed_WithAgentKey_Returns403()
    {
        using var agent = _host.Factory.CreateClientWithKey(TestApiKeys.Agent);

        var response = await agent.GetAsync("/api/admin/webhooks/unprocessed");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
