using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace WhatsApp.Api.OpenApi;

/// <summary>Small edits on a generated object schema, by JSON property name.</summary>
internal static class SchemaEdit
{
    /// <summary>Present and not null, as the validator's <c>NotEmpty</c>/<c>NotNull</c> demands.</summary>
    public static void Require(OpenApiSchema schema, params string[] names)
    {
        foreach (var name in names)
        {
            schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
            schema.Required.Add(name);
            NotNull(schema, name);
        }
    }

    /// <summary>Every property is always written (nulls included), so a response lists all of them as required.</summary>
    public static void RequireAll(OpenApiSchema schema) =>
        schema.Required = new HashSet<string>(schema.Properties?.Keys ?? [], StringComparer.Ordinal);

    public static void NotNull(OpenApiSchema schema, string name)
    {
        if (Property(schema, name) is not OpenApiSchema property)
        {
            return;
        }

        if (property.Type is { } type)
        {
            property.Type = type & ~JsonSchemaType.Null;
        }

        // A nullable reference is generated as oneOf [null, $ref]: keep only the reference.
        if (property.OneOf is { Count: 2 } oneOf && oneOf.FirstOrDefault(s => s is OpenApiSchemaReference) is { } reference)
        {
            schema.Properties![name] = reference;
        }
    }

    public static void Enum(OpenApiSchema schema, string name, IEnumerable<string> values)
    {
        if (Property(schema, name) is OpenApiSchema property)
        {
            property.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            if (property.Type?.HasFlag(JsonSchemaType.Null) == true)
            {
                property.Enum.Add(null!);
            }
        }
    }

    public static void Format(OpenApiSchema schema, string name, string format) => Edit(schema, name, p => p.Format = format);

    public static void MaxLength(OpenApiSchema schema, string name, int max, int min = 0) =>
        Edit(schema, name, p =>
        {
            p.MaxLength = max;
            p.MinLength = min > 0 ? min : null;
        });

    /// <summary>Array limits; for an array of strings also the items' format.</summary>
    public static void Items(OpenApiSchema schema, string name, int min, int max) =>
        Edit(schema, name, p =>
        {
            p.MinItems = min;
            p.MaxItems = max;
        });

    public static void Pattern(OpenApiSchema schema, string name, string pattern) => Edit(schema, name, p => p.Pattern = pattern);

    public static void Edit(OpenApiSchema schema, string name, Action<OpenApiSchema> edit)
    {
        if (Property(schema, name) is OpenApiSchema property)
        {
            edit(property);
        }
    }

    private static IOpenApiSchema? Property(OpenApiSchema schema, string name) =>
        schema.Properties is { } properties && properties.TryGetValue(name, out var property) ? property : null;
}
