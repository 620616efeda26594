namespace WhatsApp.Api.History;

/// <summary>RFC 4180 rows: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
public static class CsvWriter
{
    private static readonly char[] NeedsQuoting = [',', '"', '\r', '\n'];

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

    public static string Escape(string? field) =>
        field is null ? string.Empty
        : field.IndexOfAny(NeedsQuoting) < 0 ? field
        : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
