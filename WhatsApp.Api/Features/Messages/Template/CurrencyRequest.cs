using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Template;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CurrencyRequest
{
    public string? FallbackValue { get; init; }

    public string? CurrencyCode { get; init; }

    /// <summary>The amount times 1,000 (<c>12.99</c> is <c>12990</c>).</summary>
    [JsonPropertyName("amount_1000")]
    public long? Amount1000 { get; init; }
}
