using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Tests.Functional.Webhooks;

[TestFixture]
public sealed class StatusWebhookTests
{
    private WebhookTestHost _host = null!;

    [SetUp]
    public void Start() => _host = new WebhookTestHost();

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task Status_ReadThenSentThenDelivered_EndsReadWithThreeHistoryRows()
    {
        var uuid = Guid.NewGuid().ToString();
        var id = await _host.SeedSentMessageAsync(uuid);

        await PostStatusAsync(uuid, "read", 3);
        await PostStatusAsync(uuid, "sent", 1);
        await PostStatusAsync(uuid, "delivered", 2);

        var message = await GetAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("read"));
            Assert.That(message.GetProperty("status_history").GetArrayLength(), Is.EqualTo(3));
            Assert.That(message.GetProperty("conversation").GetProperty("origin").GetString(), Is.EqualTo("utility"));
        });
    }

    [Test]
    public async Task Status_DeliveredAfterFailed_StaysFailedWithPlivosErrorCode()
    {
        var uuid = Guid.NewGuid().ToString();
        var id = await _host.SeedSentMessageAsync(uuid);

        await PostStatusAsync(uuid, "failed", 2, errorCode: "300");
        await PostStatusAsync(uuid, "delivered", 3);

        var message = await GetAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(message.GetProperty("error_code").GetString(), Is.EqualTo("300"));
            Assert.That(message.GetProperty("status_history").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Status_Rejected_FailsTheMessageWithPlivosErrorCodeAndIsNotLeftUnprocessed()
    {
        var uuid = Guid.NewGuid().ToString();
        var id = await _host.SeedSentMessageAsync(uuid);

        await PostStatusAsync(uuid, "rejected", 2, errorCode: "450");
        await PostStatusAsync(uuid, "delivered", 3);

        var message = await GetAsync(id);
        using var admin = _host.Factory.CreateClientWithKey(TestApiKeys.Admin);
        var unprocessed = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/admin/webhooks/unprocessed");
        var outcomes = await _host.Factory.WithDbAsync(db => db.WebhookReceipts.Select(r => r.Outcome).ToListAsync());
        var history = message.GetProperty("status_history");
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(message.GetProperty("error_code").GetString(), Is.EqualTo("450"));
            Assert.That(history[0].GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(history[0].GetProperty("reason").GetString(), Is.EqualTo("Plivo status: rejected"));
            Assert.That(outcomes, Is.All.EqualTo(WhatsApp.Domain.Webhooks.WebhookOutcome.Processed));
            Assert.That(unprocessed.GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Status_SameReportThreeTimes_IsOneHistoryRow()
    {
        var uuid = Guid.NewGuid().ToString();
        await _host.SeedSentMessageAsync(uuid);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostStatusAsync(uuid, "delivered", 2)));

        Assert.That(await _host.Factory.WithDbAsync(db => db.StatusEvents.CountAsync(e => e.ProviderMessageId == uuid)), Is.EqualTo(1));
    }

    [Test]
    public async Task Status_BeforeTheMessageIsKnown_IsKeptAndAppliedWhenTheUuidIsStored()
    {
        var uuid = Guid.NewGuid().ToString();
        await PostStatusAsync(uuid, "delivered", 2);
        var now = DateTimeOffset.UtcNow;
        var message = Message.CreateOutbound(Guid.CreateVersion7(), WebhookTestHost.OurNumber, "+14155552671", MessageType.Text, MessageContent.ForText("Hi"), "sender-a", now);
        message.MarkSending(now);
        await _host.Factory.WithDbAsync(async db =>
        {
            db.Messages.Add(message);
            return await db.SaveChangesAsync();
        });

        message.MarkSent(uuid, now);
        await _host.Factory.Services.GetRequiredService<IOutbox>().SaveOutcomeAsync(message, default);

        var stored = await GetAsync(message.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("status").GetString(), Is.EqualTo("delivered"));
            Assert.That(stored.GetProperty("status_history").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Status_ForAnUnknownUuid_IsAnswered200()
    {
        var response = await _host.PostSignedAsync(WebhookTestHost.StatusForm("never-sent-by-us", "delivered", 1));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task PostStatusAsync(string uuid, string status, int sequence, string? errorCode = null)
    {
        var response = await _host.PostSignedAsync(WebhookTestHost.StatusForm(uuid, status, sequence, errorCode));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<System.Text.Json.JsonElement> GetAsync(Guid id)
    {
        using var agent = _host.Factory.CreateClientWithKey(TestApiKeys.Agent);
        return await agent.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/messages/{id}");
    }
}
