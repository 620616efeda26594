using System.Globalization;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Api.Features.History;

/// <summary>Parses history query parameters; each returns null (or false) for a value the validator must reject.</summary>
public static class QueryValues
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    private static readonly Dictionary<string, MessageStatus> Statuses = ByWireName<MessageStatus>();
    private static readonly Dictionary<string, MessageType> Types = ByWireName<MessageType>();
    private static readonly Dictionary<string, MessageDirection> Directions = ByWireName<MessageDirection>();

    public static IReadOnlyCollection<string> StatusNames => Statuses.Keys;

    public static IReadOnlyCollection<string> TypeNames => Types.Keys;

    public static IReadOnlyCollection<string> DirectionNames => Directions.Keys;

    /// <summary><c>status=sent&amp;status=failed</c> and <c>status=sent,failed</c> both work; a bare <c>status</c> binds as null.</summary>
    public static IEnumerable<string> SplitList(IEnumerable<string?>? values) =>
        (values ?? []).SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static MessageStatus? Status(string value) => Statuses.TryGetValue(value, out var status) ? status : null;

    public static MessageType? Type(string? value) => value is not null && Types.TryGetValue(value, out var type) ? type : null;

    public static MessageDirection? Direction(string? value) => value is not null && Directions.TryGetValue(value, out var direction) ? direction : null;

    /// <summary>ISO 8601: a date (<c>2026-11-01</c>, midnight UTC) or a date and time with an offset or <c>Z</c>.</summary>
    public static DateTimeOffset? Date(string? value)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        return value is not null && DateTimeOffset.TryParseExact(
            value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
    }

    private static Dictionary<string, TEnum> ByWireName<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(Wire.Name, v => v, StringComparer.Ordinal);
}
