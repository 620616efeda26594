using System.Buffers;

namespace WhatsApp.Api.Features.History;

/// <summary>
/// RFC 4180 rows: fields with a comma, quote or line break are quoted, quotes doubled. Bodies come from customers, and
/// a spreadsheet runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> as a formula (OWASP "CSV
/// injection"), so such a field gets a leading apostrophe; phone numbers and other plain signed numbers are left as
/// they are, since a spreadsheet only reads them as numbers.
/// </summary>
public static class CsvWriter
{
    private static readonly char[] NeedsQuoting = [',', '"', '\r', '\n'];
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\t\r");

    public static async Task WriteRowAsync(TextWriter writer, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                await writer.WriteAsync(',');
            }

            first = false;
            await writer.WriteAsync(Escape(field));
        }

        await writer.WriteAsync("\r\n");
    }

    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        if (FormulaStart.Contains(field[0]) && !IsSignedNumber(field))
        {
            field = "'" + field;
        }

        return field.IndexOfAny(NeedsQuoting) < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private static bool IsSignedNumber(string field) =>
        field.Length > 1 && field[0] is '+' or '-' && field.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
