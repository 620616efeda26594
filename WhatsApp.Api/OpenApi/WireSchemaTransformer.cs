using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WhatsApp.Api.OpenApi;

/// <summary>
/// Brings generated schemas to the wire: integers as integers (the API never writes them as strings), the
/// validators' required fields, closed sets and limits, and every response property required.
/// </summary>
internal sealed class WireSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Integer) && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        // A type met first as a property is transformed there, with JsonPropertyInfo set: rules go by the type.
        if (schema.Properties is not { Count: > 0 })
        {
            return Task.CompletedTask;
        }

        var clrType = context.JsonTypeInfo.Type;
        if (ResponseSchemaRules.ByType.TryGetValue(clrType, out var response))
        {
            SchemaEdit.RequireAll(schema);
            response(schema);
        }
        else if (RequestSchemaRules.ByType.TryGetValue(clrType, out var request))
        {
            request(schema);
        }

        return Task.CompletedTask;
    }
}
