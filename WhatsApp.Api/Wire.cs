using System.Text.Json;

namespace WhatsApp.Api;

/// <summary>How values are spelt on the wire, the same for every endpoint.</summary>
internal static class Wire
{
    /// <summary>An enum's name as it appears on the wire: <c>OutcomeUnknown</c> becomes <c>outcome_unknown</c>.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
