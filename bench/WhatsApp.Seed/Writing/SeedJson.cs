using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsApp.Seed.Writing;

/// <summary>The JSON columns' serializer settings, as <c>JsonColumnConverter</c> in Persistence has them.</summary>
internal static class SeedJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static object OrNull<T>(T? value)
        where T : class =>
        value is null ? DBNull.Value : JsonSerializer.Serialize(value, Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
