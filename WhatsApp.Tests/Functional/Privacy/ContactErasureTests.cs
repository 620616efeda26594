using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional.Privacy;

[TestFixture]
public sealed class ContactErasureTests
{
    private const string Contact = "+919999999999";
    private const string InboundText = "my test results came back";
    private const string OutboundText = "Your appointment is at 9";
    private WebhookTestHost _host = null!;

    [SetUp]
    public void Start() => _host = new WebhookTestHost();

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task Delete_AsAdmin_ErasesContentAndClientMetadata_KeepsDeliveryFacts_AndFailsWhatWasStillQueued()
    {
        var inboundId = await ReceiveInboundAsync();
        var outbound = await SendOutboundAsync();
        using var admin = _host.Factory.CreateClientWithKey(TestApiKeys.Admin);

        var response = await admin.DeleteAsync($"/api/contacts/{Contact}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        var sent = await ReadJsonAsync(await admin.GetAsync(outbound));
        var received = await ReadJsonAsync(await admin.GetAsync($"/api/messages/{inboundId}"));
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("contact").GetString(), Is.EqualTo(Contact));
            Assert.That(json.GetProperty("messages_erased").GetInt32(), Is.EqualTo(2));
            Assert.That(json.GetProperty("webhook_receipts_erased").GetInt32(), Is.EqualTo(1));
            Assert.That(sent.GetProperty("body").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(sent.GetProperty("metadata").ValueKind, Is.EqualTo(JsonValueKind.Null), "metadata may hold what the business knows of the customer");
            Assert.That(sent.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(sent.GetProperty("error_code").GetString(), Is.EqualTo("content_erased"));
            Assert.That(received.GetProperty("body").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(received.GetProperty("status").GetString(), Is.EqualTo("received"));
            Assert.That(received.GetProperty("inbound").GetProperty("content_type").GetString(), Is.EqualTo("text"));
            Assert.That(received.GetProperty("inbound").GetProperty("raw_fields").EnumerateObject(), Is.Empty);
        });
        var fields = await _host.Factory.WithDbAsync(db => db.WebhookReceipts.Select(r => r.Fields).SingleAsync());
        Assert.That(fields, Is.Empty);
    }

    [Test]
    public async Task Delete_TemplateMessage_KeepsTheTemplateName()
    {
        using var sender = _host.Factory.CreateClientWithKey(TestApiKeys.Sender);
        var sent = await sender.PostAsJsonAsync("/api/messages", new
        {
            to = Contact,
            type = "template",
            template = new { name = "appointment_reminder", language = "en_US", components = new[] { new { type = "body", parameters = new[] { new { type = "text", text = OutboundText } } } } },
        });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await sent.Content.ReadAsStringAsync());
        using var admin = _host.Factory.CreateClientWithKey(TestApiKeys.Admin);

        await AssertErasedAsync(await admin.DeleteAsync($"/api/contacts/{Contact}"), 1, 0);

        var message = await ReadJsonAsync(await admin.GetAsync(sent.Headers.Location));
        Assert.That(message.GetProperty("template_name").GetString(), Is.EqualTo("appointment_reminder"));
        Assert.That(message.ToString(), Does.Not.Contain(OutboundText));
    }

    [Test]
    public async Task Delete_Twice_SecondAnswers200WithZeros()
    {
        await ReceiveInboundAsync();
        using var admin = _host.Factory.CreateClientWithKey(TestApiKeys.Admin);
        await admin.DeleteAsync($"/api/contacts/{Contact}");

        var again = await admin.DeleteAsync($"/api/contacts/{Contact}");

        await AssertErasedAsync(again, 0, 0);
    }

    [Test]
    public async Task Delete_ContactWithoutMessages_Answers200WithZeros()
    {
        using var admin = _host.Factory.CreateClientWithKey(TestApiKeys.Admin);

        var response = await admin.DeleteAsync("/api/contacts/+14155552671");

        await AssertErasedAsync(response, 0, 0);
    }

    [TestCase(TestApiKeys.Agent)]
    [TestCase(TestApiKeys.Sender)]
    public async Task Delete_WithoutAdminRole_Returns403AndErasesNothing(string key)
    {
        var inboundId = await ReceiveInboundAsync();
        using var client = _host.Factory.CreateClientWithKey(key);

        var response = await client.DeleteAsync($"/api/contacts/{Contact}");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        var body = await _host.Factory.WithDbAsync(db => db.Messages.Where(m => m.Id == inboundId).Select(m => m.Content.Text).SingleAsync());
        Assert.That(body, Is.EqualTo(InboundText));
    }

    [Test]
    public async Task Delete_WithoutApiKey_Returns401()
    {
        var response = await _host.Client.DeleteAsync($"/api/contacts/{Contact}");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestCase("919999999999")]
    [TestCase("+0919999999")]
    [TestCase("+91-99999-99999")]
    [TestCase("someone")]
    public async Task Delete_NotE164_Returns400NamingContact(string contact)
    {
        using var admin = _host.Factory.CreateClientWithKey(TestApiKeys.Admin);

        var response = await admin.DeleteAsync($"/api/contacts/{Uri.EscapeDataString(contact)}");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.EqualTo(new[] { "contact" }));
    }

    private async Task<Guid> ReceiveInboundAsync()
    {
        var uuid = Guid.NewGuid().ToString();
        var response = await _host.PostSignedAsync(WebhookTestHost.InboundForm(uuid, Contact.TrimStart('+'), InboundText));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await _host.Factory.WithDbAsync(db => db.Messages.Where(m => m.ProviderMessageId == uuid).Select(m => m.Id).SingleAsync());
    }

    private async Task<Uri> SendOutboundAsync()
    {
        using var sender = _host.Factory.CreateClientWithKey(TestApiKeys.Sender);
        var response = await sender.PostAsJsonAsync("/api/messages", new { to = Contact, message = OutboundText, metadata = new { customer_email = "ana@example.com" } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return response.Headers.Location!;
    }

    private static async Task AssertErasedAsync(HttpResponseMessage response, int messages, int receipts)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        Assert.That(
            (json.GetProperty("messages_erased").GetInt32(), json.GetProperty("webhook_receipts_erased").GetInt32()),
            Is.EqualTo((messages, receipts)));
    }
}
