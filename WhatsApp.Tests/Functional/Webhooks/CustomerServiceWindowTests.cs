using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional.Webhooks;

[TestFixture]
public sealed class CustomerServiceWindowTests
{
    private const string Customer = "+919999999999";
    private WebhookTestHost _host = null!;
    private HttpClient _sender = null!;

    [SetUp]
    public void Start()
    {
        _host = new WebhookTestHost(windowPolicy: "Enforce");
        _sender = _host.Factory.CreateClientWithKey(TestApiKeys.Sender);
    }

    [TearDown]
    public async Task Stop()
    {
        _sender.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task Send_TextToAContactWhoNeverWrote_Returns422SayingATemplateIsNeeded()
    {
        var response = await _sender.PostAsJsonAsync("/api/messages", new { to = Customer, message = "Hi" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("template"));
            Assert.That(problem.GetProperty("template_required").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Send_TemplateToAContactWhoNeverWrote_Returns202()
    {
        var response = await _sender.PostAsJsonAsync("/api/messages", new
        {
            to = Customer,
            type = "template",
            template = new { name = "welcome", language = "en" },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Send_TextAfterTheContactWrote_Returns202AndTheWindowIsOpen()
    {
        await _host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from: Customer.TrimStart('+')));

        var response = await _sender.PostAsJsonAsync("/api/messages", new { to = Customer, message = "Hi" });
        var window = await _sender.GetFromJsonAsync<JsonElement>($"/api/contacts/{Uri.EscapeDataString(Customer)}/window");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(window.GetProperty("open").GetBoolean(), Is.True);
            Assert.That(window.GetProperty("closes_at").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow.AddHours(23)));
        });
    }

    [Test]
    public async Task Window_ForAContactWhoNeverWrote_IsClosed()
    {
        var window = await _sender.GetFromJsonAsync<JsonElement>("/api/contacts/+14155559876/window");

        Assert.Multiple(() =>
        {
            Assert.That(window.GetProperty("open").GetBoolean(), Is.False);
            Assert.That(window.GetProperty("closes_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Window_ForANumberThatIsNotE164_Returns400NamingIt()
    {
        var response = await _sender.GetAsync("/api/contacts/0044123/window");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Does.Contain("contact"));
    }
}
