using Microsoft.OpenApi;
using WhatsApp.Api.Features.Messages.Interactive;
using WhatsApp.Api.Features.Messages.Location;
using WhatsApp.Api.Features.Messages.Template;
using WhatsApp.Api.Features.Simulator;
using WhatsApp.Domain.Contacts;
using static WhatsApp.Api.OpenApi.SchemaEdit;
using static WhatsApp.Api.Validation.WhatsAppLimits;

namespace WhatsApp.Api.OpenApi;

/// <summary>What the request validators enforce, restated for the document: required fields, closed sets, limits.</summary>
internal static class RequestSchemaRules
{
    public static readonly IReadOnlyDictionary<Type, Action<OpenApiSchema>> ByType = new Dictionary<Type, Action<OpenApiSchema>>
    {
        [typeof(TemplateRequest)] = s =>
        {
            Require(s, "name", "language");
            MaxLength(s, "name", TemplateNameMax, 1);
            Pattern(s, "name", "^[a-z0-9_]+$");
            Pattern(s, "language", "^[a-z]{2,3}(_[A-Z]{2})?$");
        },
        [typeof(TemplateComponentRequest)] = s =>
        {
            Require(s, "type");
            Enum(s, "type", WireValues.ComponentTypes);
            Enum(s, "sub_type", WireValues.ButtonSubTypes);
            Pattern(s, "index", "^[0-9]{1,2}$");
        },
        [typeof(TemplateParameterRequest)] = s =>
        {
            Require(s, "type");
            Enum(s, "type", WireValues.ParameterTypes);
            MaxLength(s, "text", TemplateTextParameterMax);
            MaxLength(s, "media", UrlMax);
            Format(s, "media", "uri");
            MaxLength(s, "payload", TemplatePayloadMax);
            MaxLength(s, "parameter_name", TemplateParameterNameMax);
        },
        [typeof(CurrencyRequest)] = s =>
        {
            Require(s, "fallback_value", "currency_code", "amount_1000");
            MaxLength(s, "fallback_value", TemplateFallbackValueMax, 1);
            Pattern(s, "currency_code", "^[A-Z]{3}$");
        },
        [typeof(DateTimeRequest)] = s =>
        {
            Require(s, "fallback_value");
            MaxLength(s, "fallback_value", TemplateFallbackValueMax, 1);
        },
        [typeof(InteractiveRequest)] = s =>
        {
            Require(s, "type", "body", "action");
            Enum(s, "type", WireValues.InteractiveTypes);
        },
        [typeof(InteractiveHeaderRequest)] = s =>
        {
            Require(s, "type");
            Enum(s, "type", WireValues.HeaderTypes);
            MaxLength(s, "text", InteractiveHeaderTextMax);
            MaxLength(s, "media", UrlMax);
            Format(s, "media", "uri");
        },
        [typeof(InteractiveTextRequest)] = s =>
        {
            Require(s, "text");
            MaxLength(s, "text", InteractiveBodyMax, 1);
        },
        [typeof(InteractiveActionRequest)] = s => Items(s, "sections", 1, ListSectionsMax),
        [typeof(InteractiveButtonRequest)] = s =>
        {
            Require(s, "title");
            MaxLength(s, "title", ButtonTitleMax, 1);
            MaxLength(s, "id", ButtonIdMax);
            MaxLength(s, "cta_url", UrlMax);
            Format(s, "cta_url", "uri");
        },
        [typeof(InteractiveSectionRequest)] = s =>
        {
            Require(s, "rows");
            MaxLength(s, "title", SectionTitleMax);
            Items(s, "rows", 1, ListRowsMax);
        },
        [typeof(InteractiveRowRequest)] = s =>
        {
            Require(s, "id", "title");
            MaxLength(s, "id", RowIdMax, 1);
            MaxLength(s, "title", RowTitleMax, 1);
            MaxLength(s, "description", RowDescriptionMax);
        },
        [typeof(LocationRequest)] = s =>
        {
            Require(s, "latitude", "longitude");
            foreach (var name in new[] { "latitude", "longitude" })
            {
                // NumberOrStringConverter: 37.48 and "37.48" bind alike.
                MaxLength(s, name, CoordinateMax, 1);
                Edit(s, name, p => p.Type = JsonSchemaType.Number | JsonSchemaType.String);
            }

            MaxLength(s, "name", LocationTextMax);
            MaxLength(s, "address", LocationTextMax);
        },
        [typeof(SimulateInboundRequest)] = s =>
        {
            Require(s, "from", "message");
            Pattern(s, "from", PhoneNumber.Pattern);
            Pattern(s, "to", PhoneNumber.Pattern);
            MaxLength(s, "message", TextMax, 1);
        },
    };
}
