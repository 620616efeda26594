using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace WhatsApp.Api.OpenApi;

/// <summary>
/// The problem bodies (RFC 9457) as the API writes them: null members are left out, <c>traceId</c> is always there,
/// and a 400 carries <c>errors</c> keyed by the JSON name of each bad field or parameter.
/// </summary>
internal static class ProblemSchemas
{
    public const string Problem = "ProblemDetails";
    public const string Validation = "ValidationProblemDetails";
    public const string WindowClosed = "WindowClosedProblemDetails";

    public static void AddTo(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schemas[Problem] = Build("An error.", []);
        schemas[Validation] = Build(
            "Invalid input: each key of `errors` is a field (`template.components[0].type`) or parameter (`limit`).",
            [("errors", new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = String(), MinItems = 1 },
            })]);
        schemas[WindowClosed] = Build(
            "A free-form message to a contact whose 24-hour window is closed: send an approved template instead.",
            [
                ("contact", String()),
                ("window_closed_at", String("date-time", nullable: true)),
                ("template_required", new OpenApiSchema { Type = JsonSchemaType.Boolean, Enum = [JsonValue.Create(true)] }),
            ]);
    }

    private static OpenApiSchema Build(string description, IReadOnlyList<(string Name, IOpenApiSchema Schema)> extra)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = String("uri-reference"),
                ["title"] = String(),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
                ["detail"] = String(),
                ["instance"] = String(),
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when reporting the error." },
            },
            Required = new HashSet<string>(["title", "status", "traceId"], StringComparer.Ordinal),
        };
        foreach (var (name, property) in extra)
        {
            schema.Properties[name] = property;
            schema.Required.Add(name);
        }

        return schema;
    }

    private static OpenApiSchema String(string? format = null, bool nullable = false) =>
        new() { Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String, Format = format };
}
