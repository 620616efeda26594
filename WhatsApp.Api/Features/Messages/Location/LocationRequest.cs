using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Location;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LocationRequest
{
    /// <summary>Decimal degrees, as a JSON number or a numeric string.</summary>
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Latitude { get; init; }

    /// <summary>Decimal degrees, as a JSON number or a numeric string.</summary>
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Longitude { get; init; }

    public string? Name { get; init; }

    public string? Address { get; init; }
}
