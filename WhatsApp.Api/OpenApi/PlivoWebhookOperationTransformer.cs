using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WhatsApp.Api.Features.PlivoWebhooks;

namespace WhatsApp.Api.OpenApi;

/// <summary>
/// Documents the Plivo webhook as what Plivo sends: a signed, form-encoded inbound message or status report. The
/// field names are Plivo's (PascalCase), not ours.
/// </summary>
internal sealed class PlivoWebhookOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly string[] InboundFields =
        ["From", "To", "MessageUUID", "ContentType", "Body", "Media0", "MimeType", "ButtonPayload", "ButtonText",
         "ContextMessageUUID", "Latitude", "Longitude", "LocationName", "LocationAddress", "MessageTime"];

    private static readonly string[] StatusFields =
        ["MessageUUID", "Status", "From", "To", "ErrorCode", "ErrorReason", "Sequence", "QueuedTime", "SentTime",
         "DeliveryReportTime", "ConversationID", "ConversationOrigin", "ConversationExpirationTimestamp"];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor { ControllerTypeInfo: var type }
            || type.AsType() != typeof(PlivoWebhooksController))
        {
            return Task.CompletedTask;
        }

        var post = context.Description.HttpMethod == "POST";
        operation.OperationId = post ? "receivePlivoWebhook" : "receivePlivoWebhookQuery";
        operation.Summary = post ? "Plivo posts an inbound message or a delivery report" : "The same, with the fields in the query";
        operation.Description = "Authenticated by Plivo's V3 signature (HMAC-SHA256 of the URL, nonce and fields, "
            + "under the account's auth token) instead of an API key; a nonce used twice is refused with 403. Answered "
            + "200 only once the webhook is stored, so Plivo retries anything we did not keep.";
        // An empty requirement: no API key (the signature is checked instead).
        operation.Security = [new OpenApiSecurityRequirement()];
        operation.Parameters =
        [
            Header(PlivoSignatureHeaders.V3, "Base64 HMAC-SHA256 signature (one or more, comma-separated)."),
            Header(PlivoSignatureHeaders.MainAccountV3, "The same signature under the main account's token, for subaccounts."),
            Header(PlivoSignatureHeaders.V3Nonce, "The random nonce the signature covers; refused when reused.", required: true),
        ];
        if (post)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["application/x-www-form-urlencoded"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            AnyOf = [Form("An inbound message from a customer.", InboundFields, "From", "To", "MessageUUID"),
                                     Form("A delivery report for a message we sent.", StatusFields, "MessageUUID", "Status")],
                        },
                    },
                },
            };
        }

        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse { Description = "Stored (or a duplicate of something already stored)." };
        operation.Responses["403"] = ProblemResponses.Create(403, context.Document!, "The signature is missing or wrong, or its nonce was already used.");
        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, string description, bool required = false) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema Form(string description, string[] fields, params string[] required) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = fields.ToDictionary(f => f, f => (IOpenApiSchema)new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = f == "Status" ? ["queued", "sent", "delivered", "read", "failed", "undelivered"] : null,
        }, StringComparer.Ordinal),
        Required = new HashSet<string>(required, StringComparer.Ordinal),
    };
}
