using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional;

/// <summary><c>POST /api/messages/{id}/resend</c>: an explicit, admin-only, once-only resend of a failed or unknown send.</summary>
[TestFixture]
public sealed class ResendTests
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

    [TestCase(MessageStatus.Failed)]
    [TestCase(MessageStatus.OutcomeUnknown)]
    public async Task Resend_FailedOrUnknownMessage_Returns202WithANewQueuedMessageLinkedToTheOriginal(MessageStatus status)
    {
        var original = await _host.SeedOutboundAsync(status);

        var response = await _admin.PostAsync($"/api/messages/{original.Id}/resend", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var body = await ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        var resend = await _admin.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        var listed = await _admin.GetFromJsonAsync<JsonElement>($"/api/messages?contact={Uri.EscapeDataString(original.To)}");
        var originalNow = await _admin.GetFromJsonAsync<JsonElement>($"/api/messages/{original.Id}");
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("queued"));
            Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "status", "created_at" }));
            Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo($"/api/messages/{id}"));
            Assert.That(id, Is.Not.EqualTo(original.Id));
            Assert.That(resend.GetProperty("resend_of").GetGuid(), Is.EqualTo(original.Id));
            Assert.That(resend.GetProperty("status").GetString(), Is.EqualTo("queued"));
            Assert.That(resend.GetProperty("from").GetString(), Is.EqualTo(original.From));
            Assert.That(resend.GetProperty("to").GetString(), Is.EqualTo(original.To));
            Assert.That(resend.GetProperty("type").GetString(), Is.EqualTo("text"));
            Assert.That(resend.GetProperty("body").GetString(), Is.EqualTo("Hi"));
            Assert.That(resend.GetProperty("attempts").GetInt32(), Is.Zero);
            Assert.That(listed.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == id)
                .GetProperty("resend_of").GetGuid(), Is.EqualTo(original.Id));
            Assert.That(originalNow.GetProperty("resend_of").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(originalNow.GetProperty("status").GetString(), Is.EqualTo(MessageResponseStatus(status)));
        });
    }

    [Test]
    public async Task Resend_UnknownId_Returns404()
    {
        var response = await _admin.PostAsync($"/api/messages/{Guid.CreateVersion7()}/resend", null);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestCase(MessageStatus.Queued, "queued")]
    [TestCase(MessageStatus.Sending, "sending")]
    [TestCase(MessageStatus.Sent, "sent")]
    [TestCase(MessageStatus.Delivered, "delivered")]
    [TestCase(MessageStatus.Read, "read")]
    [TestCase(MessageStatus.Undelivered, "undelivered")]
    public async Task Resend_MessageInAnyOtherStatus_Returns409NamingTheStatus(MessageStatus status, string wire)
    {
        var original = await _host.SeedOutboundAsync(status is MessageStatus.Queued or MessageStatus.Sending ? status : MessageStatus.Sent);
        await _host.Factory.WithDbAsync(db => db.Messages.Where(m => m.Id == original.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status)));

        var problem = await AssertProblemAsync(await _admin.PostAsync($"/api/messages/{original.Id}/resend", null), HttpStatusCode.Conflict);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"is {wire};"));
        Assert.That(await ResendCountAsync(original.Id), Is.Zero);
    }

    [Test]
    public async Task Resend_InboundMessage_Returns409()
    {
        var uuid = Guid.NewGuid().ToString();
        await _host.PostSignedAsync(WebhookTestHost.InboundForm(uuid));
        var id = await _host.Factory.WithDbAsync(db => db.Messages.Where(m => m.ProviderMessageId == uuid).Select(m => m.Id).SingleAsync());

        var problem = await AssertProblemAsync(await _admin.PostAsync($"/api/messages/{id}/resend", null), HttpStatusCode.Conflict);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("inbound"));
    }

    [Test]
    public async Task Resend_AfterTheContactWasErased_Returns409AndWritesNoContentBack()
    {
        var original = await _host.SeedOutboundAsync(MessageStatus.Failed);
        var erased = await _admin.DeleteAsync($"/api/contacts/{Uri.EscapeDataString(original.To)}");
        Assert.That(erased.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var problem = await AssertProblemAsync(await _admin.PostAsync($"/api/messages/{original.Id}/resend", null), HttpStatusCode.Conflict);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("erased"));
        Assert.That(await ResendCountAsync(original.Id), Is.Zero);
    }

    [Test]
    public async Task Resend_Twice_SecondReturns409NamingTheFirstResend()
    {
        var original = await _host.SeedOutboundAsync(MessageStatus.Failed);
        var first = await ReadJsonAsync(await _admin.PostAsync($"/api/messages/{original.Id}/resend", null));

        var problem = await AssertProblemAsync(await _admin.PostAsync($"/api/messages/{original.Id}/resend", null), HttpStatusCode.Conflict);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(first.GetProperty("id").GetGuid().ToString()));
    }

    [Test]
    public async Task Resend_TwentyAtOnce_CreatesOneMessage()
    {
        var original = await _host.SeedOutboundAsync(MessageStatus.OutcomeUnknown);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _admin.PostAsync($"/api/messages/{original.Id}/resend", null)));

        Assert.Multiple(async () =>
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Accepted), Is.EqualTo(1));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(19));
            Assert.That(await ResendCountAsync(original.Id), Is.EqualTo(1));
        });
    }

    [TestCase(TestApiKeys.Sender)]
    [TestCase(TestApiKeys.Agent)]
    public async Task Resend_WithoutTheAdminRole_Returns403AndCreatesNothing(string key)
    {
        var original = await _host.SeedOutboundAsync(MessageStatus.Failed);
        using var client = _host.Factory.CreateClientWithKey(key);

        await AssertProblemAsync(await client.PostAsync($"/api/messages/{original.Id}/resend", null), HttpStatusCode.Forbidden);

        Assert.That(await ResendCountAsync(original.Id), Is.Zero);
    }

    [Test]
    public async Task Resend_FreeFormMessageWithTheWindowClosed_Returns422UnderEnforce()
    {
        await using var host = new WebhookTestHost(windowPolicy: "Enforce");
        using var admin = host.Factory.CreateClientWithKey(TestApiKeys.Admin);
        var original = await host.SeedOutboundAsync(MessageStatus.Failed);

        var problem = await AssertProblemAsync(await admin.PostAsync($"/api/messages/{original.Id}/resend", null), HttpStatusCode.UnprocessableEntity);

        Assert.That(problem.GetProperty("template_required").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Resend_TemplateWithTheWindowClosed_Returns202UnderEnforce()
    {
        await using var host = new WebhookTestHost(windowPolicy: "Enforce");
        using var admin = host.Factory.CreateClientWithKey(TestApiKeys.Admin);
        var template = new MessageContent(Template: new TemplateContent("order_update", "en_US", null));
        var original = await host.SeedOutboundAsync(MessageStatus.Failed, type: MessageType.Template, content: template);

        var response = await admin.PostAsync($"/api/messages/{original.Id}/resend", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    private static string MessageResponseStatus(MessageStatus status) => status == MessageStatus.OutcomeUnknown ? "outcome_unknown" : "failed";

    private Task<int> ResendCountAsync(Guid originalId) =>
        _host.Factory.WithDbAsync(db => db.Messages.CountAsync(m => m.ResendOf == originalId));
}
