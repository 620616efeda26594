using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace WhatsApp.Tests.Functional.Security;

/// <summary>Inputs the fuzz test found answering 500; each now gets a 4xx problem or a normal answer.</summary>
[TestFixture]
public sealed class HostileInputRegressionTests
{
    private WhatsAppApiFactory _factory = null!;

    [OneTimeSetUp]
    public void StartApp() => _factory = new WhatsAppApiFactory();

    [OneTimeTearDown]
    public async Task StopApp() => await _factory.DisposeAsync();

    [TestCase("application/xml")]
    [TestCase("text/html;q=abc")]
    [TestCase("garbage")]
    public async Task ErrorResponse_WhenAcceptExcludesJson_IsStillAProblemNotA500(string accept)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/conversations");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.SendAsync(request);

        var problem = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(problem.TryGetProperty("traceId", out _), Is.True);
    }

    [Test]
    public async Task Send_WithBodyNotInItsDeclaredCharset_Returns400()
    {
        using var client = _factory.CreateClientWithKey(TestApiKeys.Sender);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"to\":\"+14155552671\",\"message\":\"hi\"}"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-16");

        using var response = await client.PostAsync("/api/messages", content);

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Search_WithABareStatusParameter_IgnoresIt()
    {
        using var client = _factory.CreateClientWithKey(TestApiKeys.Agent);

        using var response = await client.GetAsync("/api/messages?status&status=sent");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("created_to=9999-12-31T23:59:59.9999999Z")]
    [TestCase("created_from=9999-12-31T23:59:59.9999999Z")]
    [TestCase("created_from=0001-01-01&created_to=0001-01-01")]
    public async Task Search_WithDatesAtTheEdgesOfTime_Returns200(string query)
    {
        using var client = _factory.CreateClientWithKey(TestApiKeys.Agent);

        using var response = await client.GetAsync("/api/messages?" + query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
