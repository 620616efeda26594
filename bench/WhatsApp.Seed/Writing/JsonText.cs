using System.Text;

namespace WhatsApp.Seed.Writing;

/// <summary>
/// Writes JSON strings exactly as System.Text.Json does with its default encoder (what the app's JSON columns use):
/// printable ASCII except <c>"&amp;'+&lt;&gt;\`</c> is kept, everything else becomes <c>\uXXXX</c> (or \n \r \t \b \f \\).
/// The default encoder's slow path costs microseconds per non-Latin character; this is the hot path of the seeder.
/// </summary>
internal static class JsonText
{
    public static StringBuilder AppendString(this StringBuilder builder, string value)
    {
        builder.Append('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsKept(c))
            {
                continue;
            }

            builder.Append(value, start, i - start);
            start = i + 1;
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    builder.Append("\\u").Append(Hex((c >> 12) & 0xF)).Append(Hex((c >> 8) & 0xF)).Append(Hex((c >> 4) & 0xF)).Append(Hex(c & 0xF));
                    break;
            }
        }

        return builder.Append(value, start, value.Length - start).Append('"');
    }

    public static StringBuilder AppendProperty(this StringBuilder builder, string name, string value) =>
        builder.AppendString(name).Append(':').AppendString(value);

    private static bool IsKept(char c) =>
        c is >= ' ' and < (char)0x7F and not ('"' or '&' or '\'' or '+' or '<' or '>' or '\\' or '`');

    private static char Hex(int digit) => (char)(digit < 10 ? '0' + digit : 'A' + digit - 10);
}
