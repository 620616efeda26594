using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Stores a structured value object (template, interactive, location) as a JSON text column.</summary>
internal static class JsonColumnConverter
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static ValueConverter<T?, string?> Create<T>()
        where T : class =>
        new(
            value => value == null ? null : JsonSerializer.Serialize(value, Options),
            json => json == null ? null : JsonSerializer.Deserialize<T>(json, Options));

    /// <summary>Records compare by value, but their lists do not; comparing the JSON keeps change tracking honest.</summary>
    public static ValueComparer<T?> Comparer<T>()
        where T : class =>
        new(
            (left, right) => JsonSerializer.Serialize(left, Options) == JsonSerializer.Serialize(right, Options),
            value => value == null ? 0 : JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
            value => value == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options));
}
