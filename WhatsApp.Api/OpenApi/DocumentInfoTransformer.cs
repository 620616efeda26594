using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WhatsApp.Api.OpenApi;

/// <summary>The document's info, tags and security schemes.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Messages"] = "Send a message, read it back with its delivery history, resend one whose outcome is unknown.",
        ["MessageHistory"] = "Search every message across clients, and export the same as CSV.",
        ["Conversations"] = "One row per contact for support staff, and the timeline with one contact.",
        ["Contacts"] = "The 24-hour customer service window with a contact.",
        ["ContactData"] = "Data-protection requests: erase what a contact and we wrote.",
        ["AdminWebhooks"] = "Webhooks that were acknowledged but could not be processed, and their replay.",
        ["PlivoWebhooks"] = "What Plivo posts to us: inbound messages and delivery reports, signed (no API key).",
        ["Simulator"] = "Simulator mode only: plays the customer's side.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "WhatsApp gateway API",
            Version = "1.0.0",
            Description = "Sends WhatsApp messages through Plivo and keeps their history. JSON is snake_case; errors are "
                + "`application/problem+json` (RFC 9457) with a `traceId`; a 400 names each bad field in `errors`.",
            License = new OpenApiLicense { Name = "Proprietary", Identifier = null },
            Contact = new OpenApiContact { Name = "WhatsApp gateway maintainers" },
        };

        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        if (document.Servers is not { Count: > 0 })
        {
            // Written at build time (openapi/v1.json) there is no request to take the address from.
            document.Servers = [new OpenApiServer { Url = "http://localhost:5080", Description = "`dotnet run` on its defaults" }];
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key from the `Auth:ApiKeys` configuration; its role decides what it may call.",
            },
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The same API key as `Authorization: Bearer <key>`.",
            },
        };
        ProblemSchemas.AddTo(document);
        return Task.CompletedTask;
    }
}
