using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace WhatsApp.Tests.Functional.OpenApi;

/// <summary>
/// The served OpenAPI document as a JSON Schema 2020-12 resource (OpenAPI 3.1's dialect), so any schema in it can be
/// evaluated by its JSON pointer, its own <c>$ref</c>s resolved inside the document. Formats are asserted.
/// </summary>
internal sealed class ApiDocument
{
    private static readonly Uri Base = new("https://whatsapp.test/openapi/v1.json");
    private readonly EvaluationOptions _options;

    private ApiDocument(JsonNode root)
    {
        Root = root;
        _options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        _options.SchemaRegistry.Register(new JsonNodeBaseDocument(root, Base));
    }

    public JsonNode Root { get; }

    public static async Task<ApiDocument> LoadAsync(WhatsAppApiFactory factory)
    {
        using var client = factory.CreateClient();
        return new ApiDocument((await client.GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!);
    }

    public static WhatsAppApiFactory Factory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["OpenApi:Enabled"] = "true" };
        return new WhatsAppApiFactory(settings: all);
    }

    public JsonObject Operation(string path, string method) => Root["paths"]![path]![method]!.AsObject();

    /// <summary>The JSON pointer of the body schema an operation documents for a status and media type.</summary>
    public static string ResponseSchema(string path, string method, int status, string mediaType) =>
        JsonPointer.Create("paths", path, method, "responses", status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "content", mediaType, "schema").ToString();

    /// <summary>The errors of <paramref name="instance"/> against the schema at <paramref name="pointer"/>; empty when valid.</summary>
    public IReadOnlyList<string> Errors(string pointer, JsonNode? instance)
    {
        Assert.That(JsonPointer.Parse(pointer).TryEvaluate(Root, out var found) && found is not null, Is.True, $"no schema at {pointer}");
        var schema = JsonSchema.FromText($$"""{ "$ref": "{{Base}}#{{pointer}}" }""");
        var results = schema.Evaluate(instance, _options);
        return results.IsValid
            ? []
            : results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({d.EvaluationPath})")).ToList();
    }

    /// <summary>Every media type object in the document with examples, by its JSON pointer.</summary>
    public IEnumerable<(string Pointer, JsonObject Media)> MediaTypes() => Walk(Root, JsonPointer.Empty)
        .Where(m => m.Pointer.Contains("/content/", StringComparison.Ordinal) && m.Node["schema"] is not null)
        .Select(m => (m.Pointer, m.Node));

    private static IEnumerable<(string Pointer, JsonObject Node)> Walk(JsonNode? node, JsonPointer at)
    {
        if (node is JsonObject obj)
        {
            yield return (at.ToString(), obj);
            foreach (var (key, child) in obj)
            {
                foreach (var found in Walk(child, at.Combine(key)))
                {
                    yield return found;
                }
            }
        }
    }
}
