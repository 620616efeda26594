using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using WhatsApp.Api.Features.History;
using WhatsApp.Domain.Contacts;

namespace WhatsApp.Api.OpenApi;

/// <summary>What the history query validators accept, by parameter name (the names are the same on every list).</summary>
internal static class QueryParameterRules
{
    private static readonly Dictionary<string, Action<OpenApiSchema>> ByName = new(StringComparer.Ordinal)
    {
        ["contact"] = s => s.Pattern = PhoneNumber.Pattern,
        ["from"] = s => s.Pattern = PhoneNumber.Pattern,
        ["window"] = s => s.Enum = Values(["open", "closed"]),
        ["direction"] = s => s.Enum = Values(QueryValues.DirectionNames),
        ["type"] = s => s.Enum = Values(QueryValues.TypeNames),
        ["status"] = s => { if (s.Items is OpenApiSchema items) { items.Enum = Values(QueryValues.StatusNames); } },
        ["error_code"] = s => s.MaxLength = 64,
        ["template_name"] = s => s.MaxLength = 512,
        ["limit"] = s =>
        {
            s.Minimum = "1";
            s.Maximum = QueryValues.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            s.Default = JsonValue.Create(QueryValues.DefaultLimit);
        },
    };

    public static void Apply(OpenApiOperation operation)
    {
        if (operation.OperationId == "listUnprocessedWebhooks")
        {
            return; // its limit is clamped, not validated
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && parameter.Schema is OpenApiSchema schema
                && ByName.TryGetValue(parameter.Name!, out var rule))
            {
                rule(schema);
            }
        }
    }

    private static List<JsonNode> Values(IEnumerable<string> values) => values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
}
