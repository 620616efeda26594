using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WhatsApp.Api.Features.Messages;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional;

/// <summary>Validation through the whole MVC pipeline: status, problem type and the JSON-path error keys.</summary>
[TestFixture]
public sealed class SendValidationTests
{
    private WhatsAppApiFactory _factory = null!;
    private HttpClient _sender = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        _factory = new WhatsAppApiFactory();
        _sender = _factory.CreateClientWithKey(TestApiKeys.Sender);
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        _sender.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public void SendMessageRequest_CoveredWhollyByItsValidator_MvcDoesNotWalkIntoIt()
    {
        // The nested cases below (template components, location, interactive buttons) still fail by their JSON path:
        // FluentValidation validates the children, and MVC's visitor walking them found nothing and cost time.
        var metadata = _factory.Services.GetRequiredService<IModelMetadataProvider>().GetMetadataForType(typeof(SendMessageRequest));

        Assert.That(metadata.ValidateChildren, Is.False);
    }

    [TestCase("""{"to":"14155552671","message":"Hi"}""", "to")]
    [TestCase("""{"to":"+14155552671","from":"+14155559999","message":"Hi"}""", "from")]
    [TestCase("""{"to":"+14155550100","message":"Hi"}""", "to")]
    [TestCase("""{"to":"+14155552671","type":"sms","message":"Hi"}""", "type")]
    [TestCase("""{"to":"+14155552671","type":"text","message":"Hi","template":{"name":"x","language":"en"}}""", "template")]
    [TestCase("""{"to":"+14155552671","type":"media","media_urls":["ftp://example.com/a.jpg"]}""", "media_urls[0]")]
    [TestCase("""{"to":"+14155552671","type":"template","template":{"name":"Order","language":"en"}}""", "template.name")]
    [TestCase("""{"to":"+14155552671","type":"template","template":{"name":"order","language":"en","components":[{"type":"button","index":"0"}]}}""", "template.components[0].sub_type")]
    [TestCase("""{"to":"+14155552671","type":"location","location":{"latitude":91,"longitude":0}}""", "location.latitude")]
    public async Task Send_InvalidField_Returns400KeyedByJsonPath(string body, string expectedKey)
    {
        var response = await PostAsync(body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Does.Contain(expectedKey));
    }

    [Test]
    public async Task Send_FourReplyButtons_Returns400OnTheButtonsArray()
    {
        const string body = """
            {"to":"+14155552671","type":"interactive","interactive":{"type":"button","body":{"text":"Pick"},
             "action":{"buttons":[{"id":"1","title":"A"},{"id":"2","title":"B"},{"id":"3","title":"C"},{"id":"4","title":"D"}]}}}
            """;

        var response = await PostAsync(body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Does.Contain("interactive.action.buttons"));
    }

    [Test]
    public async Task Send_DuplicateButtonTitle_Returns400OnTheIndexedButton()
    {
        const string body = """
            {"to":"+14155552671","type":"interactive","interactive":{"type":"button","body":{"text":"Pick"},
             "action":{"buttons":[{"id":"1","title":"Yes"},{"id":"2","title":"yes"}]}}}
            """;

        var response = await PostAsync(body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem).Any(k => k.StartsWith("interactive.action.buttons[1]", StringComparison.Ordinal)), Is.True, string.Join(", ", ErrorKeys(problem)));
    }

    [Test]
    public async Task Send_InvalidRequest_StoresNothing()
    {
        var before = await CountAsync();

        await PostAsync("""{"to":"+14155552671","type":"media","media_urls":[]}""");

        Assert.That(await CountAsync(), Is.EqualTo(before));
    }

    [TestCase("""{"to":"+14155552671","type":"media","media_urls":["https://example.com/a.jpg"],"message":"Caption"}""")]
    [TestCase("""{"to":"+14155552671","type":"location","location":{"latitude":"37.48","longitude":-122.14}}""")]
    [TestCase("""{"to":"+14155552671","from":"+14155550101","message":"From the second number"}""")]
    public async Task Send_ValidNonTextMessage_Returns202(string body)
    {
        var response = await PostAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _sender.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    private Task<int> CountAsync() => _factory.WithDbAsync(db => db.Messages.CountAsync());
}
