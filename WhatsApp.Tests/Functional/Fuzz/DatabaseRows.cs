using Microsoft.Data.Sqlite;

namespace WhatsApp.Tests.Functional.Fuzz;

/// <summary>
/// Reads the app's SQLite file directly, table by table from <c>sqlite_master</c>, so the checks do not depend on
/// how the app writes (its persistence code may change) nor on which tables exist.
/// </summary>
internal static class DatabaseRows
{
    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>Every <c>table.column</c> holding a value that contains <paramref name="marker"/>.</summary>
    public static async Task<IReadOnlyList<string>> FindTextAsync(string databasePath, string marker)
    {
        await using var connection = await OpenAsync(databasePath);
        var hits = new List<string>();
        foreach (var table in await TablesAsync(connection))
        {
            foreach (var column in await ColumnsAsync(connection, table))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT count(*) FROM \"{table}\" WHERE instr(CAST(\"{column}\" AS TEXT), $marker) > 0";
                command.Parameters.AddWithValue("$marker", marker);
                if ((long)(await command.ExecuteScalarAsync())! > 0)
                {
                    hits.Add($"{table}.{column}");
                }
            }
        }

        return hits;
    }

    private static async Task<SqliteConnection> OpenAsync(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        return await ReadStringsAsync(command);
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        return await ReadStringsAsync(command);
    }

    private static async Task<List<string>> ReadStringsAsync(SqliteCommand command)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
