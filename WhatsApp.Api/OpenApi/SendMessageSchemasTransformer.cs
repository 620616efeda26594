using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WhatsApp.Api.Features.Messages;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using static WhatsApp.Api.Validation.WhatsAppLimits;

namespace WhatsApp.Api.OpenApi;

/// <summary>
/// <c>POST /api/messages</c> as one schema per message type, <c>type</c> the discriminator: each lists only the
/// fields of its type, as the validator rejects the others. (The API also takes an absent <c>type</c> as text; the
/// document asks for it, so a generated client always says which type it sends.)
/// </summary>
internal sealed class SendMessageSchemasTransformer : IOpenApiDocumentTransformer
{
    public const string RequestSchema = "SendMessageRequest";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components!.Schemas!;
        var variants = new Dictionary<string, OpenApiSchema>(StringComparer.Ordinal)
        {
            [MessageTypes.Text] = Variant(MessageTypes.Text, "A text message.", ("message", Text(TextMax, 1), true)),
            [MessageTypes.Media] = Variant(MessageTypes.Media, "One image, video, audio file or document, with an optional caption.",
                ("media_urls", new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    MinItems = MediaUrlsPerMessage,
                    MaxItems = MediaUrlsPerMessage,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", MaxLength = UrlMax, MinLength = 1 },
                    Description = "Exactly one public http(s) URL.",
                }, true),
                ("message", Nullable(Text(CaptionMax, 0)), false)),
            [MessageTypes.Template] = Variant(MessageTypes.Template, "An approved template; the only type allowed outside the 24-hour window.",
                ("template", new OpenApiSchemaReference("TemplateRequest", document), true)),
            [MessageTypes.Interactive] = Variant(MessageTypes.Interactive, "Reply buttons, a list, or a call-to-action URL button.",
                ("interactive", new OpenApiSchemaReference("InteractiveRequest", document), true)),
            [MessageTypes.Location] = Variant(MessageTypes.Location, "A pin on the map.",
                ("location", new OpenApiSchemaReference("LocationRequest", document), true)),
        };

        var mapping = new Dictionary<string, OpenApiSchemaReference>(StringComparer.Ordinal);
        foreach (var (type, schema) in variants)
        {
            var name = Name(type);
            schemas[name] = schema;
            mapping[type] = new OpenApiSchemaReference(name, document);
        }

        schemas[RequestSchema] = new OpenApiSchema
        {
            Description = "Body of `POST /api/messages`: one object per message type, chosen by `type`.",
            OneOf = [.. mapping.Values],
            Discriminator = new OpenApiDiscriminator { PropertyName = "type", Mapping = mapping },
        };
        return Task.CompletedTask;
    }

    /// <summary><c>interactive</c> becomes <c>InteractiveMessageRequest</c>.</summary>
    public static string Name(string type) => $"{char.ToUpperInvariant(type[0])}{type[1..]}MessageRequest";

    private static OpenApiSchema Variant(string type, string description, params (string Name, IOpenApiSchema Schema, bool Required)[] fields)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["to"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = PhoneNumber.Pattern, Description = "Recipient, E.164 (`+14155552671`)." },
                ["from"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null,
                    Pattern = PhoneNumber.Pattern,
                    Description = "One of the configured sender numbers; the default sender when absent.",
                },
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type)] },
                ["metadata"] = Metadata(),
            },
            Required = new HashSet<string>(["to", "type"], StringComparer.Ordinal),
        };
        foreach (var (name, property, required) in fields)
        {
            schema.Properties[name] = property;
            if (required)
            {
                schema.Required.Add(name);
            }
        }

        return schema;
    }

    private static OpenApiSchema Metadata() => new()
    {
        Type = JsonSchemaType.Object | JsonSchemaType.Null,
        MaxProperties = MessageMetadata.MaxKeys,
        AdditionalProperties = Text(MessageMetadata.MaxValueLength, 0),
        Description = $"Your own keys (1 to {MessageMetadata.MaxKeyLength} characters) and string values, at most {MessageMetadata.MaxKeys}: "
            + "returned with the message and carried in every event of it, so you can correlate without keeping our ids.",
    };

    private static OpenApiSchema Text(int max, int min) => new() { Type = JsonSchemaType.String, MaxLength = max, MinLength = min > 0 ? min : null };

    private static OpenApiSchema Nullable(OpenApiSchema schema)
    {
        schema.Type |= JsonSchemaType.Null;
        return schema;
    }
}
