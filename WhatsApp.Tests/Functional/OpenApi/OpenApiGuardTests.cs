using System.Text.Json.Nodes;
using WhatsApp.Tests.Unit.Container;

namespace WhatsApp.Tests.Functional.OpenApi;

/// <summary>Properties of the whole document a generated client depends on.</summary>
[TestFixture]
public sealed class OpenApiGuardTests
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Test]
    public async Task EveryOperation_HasAnOperationIdAndSecurity_ExceptThePlivoWebhook()
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);

        var operations = Operations(document).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(operations.Select(o => (string?)o.Operation["operationId"]), Is.All.Not.Null);
            Assert.That(operations.Select(o => (string?)o.Operation["operationId"]), Is.Unique);
            foreach (var (path, method, operation) in operations)
            {
                var schemes = operation["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToList();
                var expected = path.StartsWith("/api/webhooks/plivo", StringComparison.Ordinal) ? Array.Empty<string>() : ["ApiKey", "Bearer"];
                Assert.That(schemes, Is.EquivalentTo(expected), $"{method} {path}");
                if (expected.Length > 0)
                {
                    Assert.That((string?)operation["description"], Does.Contain("**Roles:**"), $"{method} {path}");
                    Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "400", "401", "403", "429", "503" }), $"{method} {path}");
                }
            }
        });
    }

    [Test]
    public async Task PropertyNames_AreSnakeCase_ExceptPlivosFormFieldsAndTheProblemTraceId()
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);

        var offenders = new List<string>();
        Collect(document.Root["components"], "#/components", offenders);
        foreach (var (path, method, operation) in Operations(document).Where(o => !o.Path.StartsWith("/api/webhooks/plivo", StringComparison.Ordinal)))
        {
            Collect(operation, $"{method} {path}", offenders);
            offenders.AddRange(operation["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "query")
                .Select(p => (string)p!["name"]!).Where(n => n.Any(char.IsUpper)).Select(n => $"{method} {path} ?{n}") ?? []);
        }

        Assert.That(offenders, Is.Empty);
    }

    [TestCase("MessageResponse", "status")]
    [TestCase("MessageResponse", "direction")]
    [TestCase("MessageResponse", "type")]
    [TestCase("MessageListItem", "status")]
    [TestCase("LastMessageResponse", "type")]
    [TestCase("SendMessageResponse", "status")]
    [TestCase("StatusEventResponse", "status")]
    [TestCase("InteractiveRequest", "type")]
    [TestCase("InteractiveHeaderRequest", "type")]
    [TestCase("TemplateComponentRequest", "type")]
    [TestCase("TemplateComponentRequest", "sub_type")]
    [TestCase("TemplateParameterRequest", "type")]
    [TestCase("WebhookReplayResponse", "outcome")]
    [TestCase("TextMessageRequest", "type")]
    public async Task ClosedSets_HaveAnEnum(string schema, string property)
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);

        var values = document.Root["components"]!["schemas"]![schema]!["properties"]![property]!["enum"];

        Assert.That(values?.AsArray().Count(v => v is not null), Is.GreaterThan(0), $"{schema}.{property} has no enum");
    }

    [Test]
    public async Task SendMessageRequest_IsOneSchemaPerMessageType_DiscriminatedByType()
    {
        await using var factory = ApiDocument.Factory();
        var document = await ApiDocument.LoadAsync(factory);

        var request = document.Root["components"]!["schemas"]!["SendMessageRequest"]!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)request["discriminator"]!["propertyName"], Is.EqualTo("type"));
            Assert.That(request["discriminator"]!["mapping"]!.AsObject().Select(m => m.Key),
                Is.EquivalentTo(new[] { "text", "media", "template", "interactive", "location" }));
            Assert.That(request["oneOf"]!.AsArray(), Has.Count.EqualTo(5));
        });
    }

    [Test]
    public async Task WrittenDocument_IsTheServedDocument_ButForItsServer()
    {
        // openapi/v1.json is written by the API's build (dotnet-getdocument) in Development; the service serves its own.
        await using var factory = ApiDocument.Factory();
        var served = (await ApiDocument.LoadAsync(factory)).Root.DeepClone().AsObject();
        var written = JsonNode.Parse(RepositoryFiles.Read("openapi/v1.json"))!.AsObject();
        served.Remove("servers");
        Assert.That(written.Remove("servers"), Is.True, "the written document names no server");

        Assert.That(JsonNode.DeepEquals(written, served), Is.True,
            "openapi/v1.json differs from the served document; rebuild WhatsApp.Api and commit it");
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(ApiDocument document) =>
        document.Root["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => Methods.Contains(m.Key)).Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    // Every key of a "properties" object and every "required" entry, wherever it is.
    private static void Collect(JsonNode? node, string at, List<string> offenders)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Collect(item, at, offenders);
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj)
            {
                if (key == "properties" && child is JsonObject properties)
                {
                    offenders.AddRange(properties.Select(p => p.Key).Where(n => n.Any(char.IsUpper) && n != "traceId").Select(n => $"{at}: {n}"));
                }

                Collect(child, $"{at}/{key}", offenders);
            }
        }
    }
}
