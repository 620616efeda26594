using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WhatsApp.Api.OpenApi;

/// <summary>The headers and non-JSON bodies of successful answers: the send's Location, the export's CSV file.</summary>
internal sealed class ResponseHeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is not { } responses)
        {
            return Task.CompletedTask;
        }

        if (operation.OperationId is "sendMessage" or "resendMessage" && responses.TryGetValue("202", out var accepted))
        {
            Headers(accepted)["Location"] = Header("The absolute URL of the message (`GET /api/messages/{id}`).", "uri");
            if (operation.OperationId == "sendMessage")
            {
                Headers(accepted)["Idempotent-Replayed"] = Header(
                    "`true` when this answers a repeat of an earlier request with the same Idempotency-Key.", null, ["true", "false"]);
            }
        }

        if (operation.OperationId == "exportMessages")
        {
            var csv = new OpenApiResponse
            {
                Description = "The matching messages as CSV (RFC 4180, UTF-8, header row first), streamed.",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            };
            Headers(csv)["Content-Disposition"] = Header(
                "`attachment; filename=\"messages-<yyyyMMdd-HHmmss>.csv\"`.", null, pattern: "^attachment; filename=\"messages-[0-9]{8}-[0-9]{6}\\.csv\"$");
            responses["200"] = csv;
        }

        return Task.CompletedTask;
    }

    private static IDictionary<string, IOpenApiHeader> Headers(IOpenApiResponse response) =>
        ((OpenApiResponse)response).Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);

    private static OpenApiHeader Header(string description, string? format, string[]? values = null, string? pattern = null) => new()
    {
        Description = description,
        Required = true,
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Format = format,
            Pattern = pattern,
            Enum = values?.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)).ToList(),
        },
    };
}
