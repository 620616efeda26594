using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>An admin replay never brings back content that an erasure removed.</summary>
[TestFixture]
public sealed class ReplayAfterErasureTests
{
    private const string Contact = "+919999999999";
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
    public async Task Replay_ReceiptErasedWithItsContact_Returns409AndRestoresNothing()
    {
        var uuid = Guid.NewGuid().ToString();
        await _host.PostSignedAsync(WebhookTestHost.InboundForm(uuid));
        var receiptId = await _host.Factory.WithDbAsync(db => db.WebhookReceipts.Select(r => r.Id).SingleAsync());
        await EraseAsync();

        var replay = await _admin.PostAsync($"/api/admin/webhooks/{receiptId}/replay", null);

        var message = await _host.Factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.ProviderMessageId == uuid));
        var receipt = await _host.Factory.WithDbAsync(db => db.WebhookReceipts.SingleAsync());
        var unprocessed = await _admin.GetFromJsonAsync<JsonElement>("/api/admin/webhooks/unprocessed");
        Assert.Multiple(() =>
        {
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(message.Content.Text, Is.Null);
            Assert.That(message.Inbound!.RawFields, Is.Empty);
            Assert.That(receipt.Fields, Is.Empty);
            Assert.That(receipt.Outcome, Is.EqualTo(WebhookOutcome.Processed), "left as it was, not turned unprocessed");
            Assert.That(unprocessed.GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Replay_ReceiptKeptAfterItsMessageWasErased_IsADuplicateAndLeavesTheMessageErased()
    {
        var uuid = Guid.NewGuid().ToString();
        await _host.PostSignedAsync(WebhookTestHost.InboundForm(uuid));
        await EraseAsync();

        // A receipt the erasure could not match to the contact (none recorded), still holding the message's content.
        var delivery = new WebhookDelivery("n-kept", "v3", "POST", WebhookTestHost.WebhookUrl.ToString(), WebhookTestHost.InboundForm(uuid), DateTimeOffset.UtcNow);
        var kept = WebhookReceipt.From(delivery, Guid.CreateVersion7(), "inbound");
        kept.MarkFailed("IOException: disk hiccup");
        await _host.Factory.WithDbAsync(async db =>
        {
            db.WebhookReceipts.Add(kept);
            return await db.SaveChangesAsync();
        });

        var replay = await _admin.PostAsync($"/api/admin/webhooks/{kept.Id}/replay", null);

        var body = await replay.Content.ReadFromJsonAsync<JsonElement>();
        var messages = await _host.Factory.WithDbAsync(db => db.Messages.Where(m => m.ProviderMessageId == uuid).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("outcome").GetString(), Is.EqualTo("duplicate"));
            Assert.That(messages, Has.Count.EqualTo(1));
            Assert.That(messages[0].Content.Text, Is.Null);
            Assert.That(messages[0].Inbound!.RawFields, Is.Empty);
        });
    }

    private async Task EraseAsync()
    {
        using var erase = await _admin.DeleteAsync($"/api/contacts/{Uri.EscapeDataString(Contact)}");
        Assert.That(erase.StatusCode, Is.EqualTo(HttpStatusCode.OK), await erase.Content.ReadAsStringAsync());
    }
}
