using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace WhatsApp.Api.OpenApi;

/// <summary>The error responses an operation can give, each an <c>application/problem+json</c> body with an example.</summary>
internal static class ProblemResponses
{
    private const string TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    public static readonly IReadOnlyDictionary<int, (string Description, string Schema, string Example)> ByStatus =
        new Dictionary<int, (string, string, string)>
        {
            [400] = ("Invalid input; `errors` names each bad field or query parameter.", ProblemSchemas.Validation,
                $$"""{ "title": "One or more validation errors occurred.", "status": 400, "errors": { "to": ["'to' must be an E.164 number such as +14155552671."] }, "traceId": "{{TraceId}}" }"""),
            [401] = ("No API key, or one that is not configured.", ProblemSchemas.Problem,
                $$"""{ "title": "Unauthorized", "status": 401, "detail": "Send a valid API key in the X-Api-Key header or as Authorization: Bearer <key>.", "traceId": "{{TraceId}}" }"""),
            [403] = ("The key's role may not call this operation.", ProblemSchemas.Problem,
                $$"""{ "title": "Forbidden", "status": 403, "detail": "This API key's role does not allow this operation.", "traceId": "{{TraceId}}" }"""),
            [404] = ("Nothing with that id (or not visible to this key).", ProblemSchemas.Problem,
                $$"""{ "title": "Not found", "status": 404, "detail": "Message '3f8e2a1c-5b7d-4e9a-8c6f-1a2b3c4d5e6f' was not found.", "traceId": "{{TraceId}}" }"""),
            [409] = ("The request conflicts with what is stored (an Idempotency-Key reused with another body, a second resend).",
                ProblemSchemas.Problem,
                $$"""{ "title": "Conflict", "status": 409, "detail": "This Idempotency-Key was used with a different request body.", "traceId": "{{TraceId}}" }"""),
            [413] = ("The request body is larger than the operation accepts.", ProblemSchemas.Problem,
                $$"""{ "title": "Request body too large", "status": 413, "detail": "The request body is larger than 65536 bytes.", "traceId": "{{TraceId}}" }"""),
            [415] = ("The body is not of a media type the operation accepts.", ProblemSchemas.Problem,
                $$"""{ "title": "Unsupported Media Type", "status": 415, "traceId": "{{TraceId}}" }"""),
            [422] = ("The contact's 24-hour window is closed: only a template may be sent.", ProblemSchemas.WindowClosed,
                $$"""{ "title": "Customer service window closed", "status": 422, "detail": "The customer service window with +14155552671 is closed.", "contact": "+14155552671", "window_closed_at": "2026-12-01T10:00:00+00:00", "template_required": true, "traceId": "{{TraceId}}" }"""),
            [429] = ("This key sent more requests than its rate limit allows; retry after `Retry-After` seconds.", ProblemSchemas.Problem,
                $$"""{ "title": "Too many requests", "status": 429, "detail": "This API key sent more requests than its rate limit allows. Retry after 1 s.", "traceId": "{{TraceId}}" }"""),
            [503] = ("Storage is unavailable; nothing was stored. Retry after `Retry-After` seconds.", ProblemSchemas.Problem,
                $$"""{ "title": "Storage unavailable", "status": 503, "detail": "The request was not stored. Retry later.", "traceId": "{{TraceId}}" }"""),
        };

    public static OpenApiResponse Create(int status, OpenApiDocument document, string? description = null)
    {
        var (text, schema, example) = ByStatus[status];
        var response = new OpenApiResponse
        {
            Description = description ?? text,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new()
                {
                    Schema = new OpenApiSchemaReference(schema, document),
                    Example = JsonNode.Parse(example),
                },
            },
        };
        if (status is 429 or 503)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                },
            };
        }

        return response;
    }
}
