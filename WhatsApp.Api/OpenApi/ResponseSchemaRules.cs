using Microsoft.OpenApi;
using WhatsApp.Api.Features.AdminWebhooks;
using WhatsApp.Api.Features.ContactData;
using WhatsApp.Api.Features.Contacts;
using WhatsApp.Api.Features.History;
using WhatsApp.Api.Features.Messages;
using WhatsApp.Api.Features.Simulator;
using static WhatsApp.Api.OpenApi.SchemaEdit;

namespace WhatsApp.Api.OpenApi;

/// <summary>Closed sets and formats of what the API answers; every response property is always written.</summary>
internal static class ResponseSchemaRules
{
    public static readonly IReadOnlyDictionary<Type, Action<OpenApiSchema>> ByType = new Dictionary<Type, Action<OpenApiSchema>>
    {
        [typeof(MessageResponse)] = Message,
        [typeof(MessageListItem)] = Message,
        [typeof(LastMessageResponse)] = Message,
        [typeof(SendMessageResponse)] = s => Enum(s, "status", WireValues.Statuses),
        [typeof(StatusEventResponse)] = s => Enum(s, "status", WireValues.Statuses),
        [typeof(WebhookReplayResponse)] = s => Enum(s, "outcome", WireValues.WebhookOutcomes),
        [typeof(SimulatedInboundResponse)] = s => Enum(s, "outcome", WireValues.WebhookOutcomes),
        [typeof(WebhookReceiptResponse)] = s => Enum(s, "kind", ["inbound", "status", "unknown"]),
        [typeof(InboundDetailsResponse)] = _ => { },
        [typeof(ConversationResponse)] = _ => { },
        [typeof(ConversationSummaryResponse)] = _ => { },
        [typeof(ContactWindowResponse)] = _ => { },
        [typeof(ContactErasureResponse)] = _ => { },
        [typeof(TimelineResponse)] = _ => { },
        [typeof(PageResponse<MessageListItem>)] = _ => { },
        [typeof(PageResponse<ConversationSummaryResponse>)] = _ => { },
    };

    private static void Message(OpenApiSchema schema)
    {
        Enum(schema, "direction", WireValues.Directions);
        Enum(schema, "type", WireValues.MessageTypes);
        Enum(schema, "status", WireValues.Statuses);
        Format(schema, "media_url", "uri");
    }
}
