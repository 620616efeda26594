using System.Text.Json;

namespace WhatsApp.Api.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: the wire as it is, for generated clients.</summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        // The schema generator reads these options, not MVC's: without them every multi-word field is camelCase.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer<WireSchemaTransformer>();
            o.AddOperationTransformer<OperationContractTransformer>();
            o.AddOperationTransformer<PlivoWebhookOperationTransformer>();
            o.AddOperationTransformer<ResponseHeadersTransformer>();
            o.AddOperationTransformer<SendMessageExamplesTransformer>();
            o.AddDocumentTransformer<DocumentInfoTransformer>();
            o.AddDocumentTransformer<PathOrderTransformer>();
            o.AddDocumentTransformer<SendMessageSchemasTransformer>();
        });
        return services;
    }
}
