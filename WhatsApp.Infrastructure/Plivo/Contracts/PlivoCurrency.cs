using System.Text.Json.Serialization;

namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoCurrency(
    string FallbackValue,
    string CurrencyCode,
    [property: JsonPropertyName("amount_1000")] long Amount1000);
