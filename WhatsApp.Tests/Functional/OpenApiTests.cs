using System.Net.Http.Json;
using System.Text.Json;

namespace WhatsApp.Tests.Functional;

[TestFixture]
public sealed class OpenApiTests
{
    [Test]
    public async Task OpenApiDocument_SendOperation_HasAnExampleForEveryMessageType()
    {
        await using var factory = new WhatsAppApiFactory(settings: new Dictionary<string, string?> { ["OpenApi:Enabled"] = "true" });
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var examples = document.GetProperty("paths").GetProperty("/api/messages").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples");
        Assert.That(examples.EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[]
        {
            "text", "media", "template", "interactive_button", "interactive_list", "interactive_cta_url", "location",
        }));
    }

    [TestCaseSource(nameof(ExampleNames))]
    public async Task Send_DocumentedExample_IsAccepted(string name)
    {
        await using var factory = new WhatsAppApiFactory();
        using var client = factory.CreateClientWithKey(TestApiKeys.Sender);
        var body = WhatsApp.Api.OpenApi.SendMessageExamples.Bodies[name];

        var response = await client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task OpenApiDocument_ByDefaultOutsideDevelopment_IsNotServed()
    {
        await using var factory = new WhatsAppApiFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.That((int)response.StatusCode, Is.EqualTo(401).Or.EqualTo(404));
    }

    private static IEnumerable<string> ExampleNames() => WhatsApp.Api.OpenApi.SendMessageExamples.Bodies.Keys;
}
