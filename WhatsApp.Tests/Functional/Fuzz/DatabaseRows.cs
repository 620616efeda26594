using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace WhatsApp.Tests.Functional.Fuzz;

/// <summary>
/// Reads the app's database directly (the SQLite file, or the PostgreSQL database), table by table from the catalogue,
/// so the checks do not depend on how the app writes (its persistence code may change) nor on which tables exist.
/// </summary>
internal static class DatabaseRows
{
    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(WhatsAppApiFactory factory)
    {
        await using var connection = await OpenAsync(factory);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Every <c>table.column</c> holding a value that contains <paramref name="marker"/>.</summary>
    public static async Task<IReadOnlyList<string>> FindTextAsync(WhatsAppApiFactory factory, string marker)
    {
        await using var connection = await OpenAsync(factory);
        var hits = new List<string>();
        foreach (var table in await TablesAsync(connection))
        {
            foreach (var column in await ColumnsAsync(connection, table))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = connection is SqliteConnection
                    ? $"SELECT count(*) FROM \"{table}\" WHERE instr(CAST(\"{column}\" AS TEXT), @marker) > 0"
                    : $"SELECT count(*) FROM \"{table}\" WHERE strpos(CAST(\"{column}\" AS text), @marker) > 0";
                Add(command, "@marker", marker);
                if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    hits.Add($"{table}.{column}");
                }
            }
        }

        return hits;
    }

    private static async Task<DbConnection> OpenAsync(WhatsAppApiFactory factory)
    {
        DbConnection connection = factory.PostgresConnectionString is { } postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ToString())
            : new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> TablesAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = connection is SqliteConnection
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
        return await ReadStringsAsync(command);
    }

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = connection is SqliteConnection
            ? "SELECT name FROM pragma_table_info(@table)"
            : "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table ORDER BY ordinal_position";
        Add(command, "@table", table);
        return await ReadStringsAsync(command);
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task<List<string>> ReadStringsAsync(DbCommand command)
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
