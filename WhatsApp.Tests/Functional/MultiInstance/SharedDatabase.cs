using Npgsql;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Functional.MultiInstance;

/// <summary>A fresh PostgreSQL database that several service processes share, read directly by the test.</summary>
internal sealed class SharedDatabase : IDisposable
{
    public string ConnectionString { get; } = TestPostgres.CreateDatabase();

    /// <summary>The settings that put a <see cref="Reliability.ServiceProcess"/> on this database.</summary>
    public IReadOnlyDictionary<string, string> Settings(IReadOnlyDictionary<string, string> more) =>
        new Dictionary<string, string>(more)
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__WhatsApp"] = ConnectionString,
        };

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Body → (status, whether a lease is held) of every outbound message.</summary>
    public async Task<Dictionary<string, (string Status, bool Leased)>> OutboundAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "Body", "Status", "LeaseOwner" IS NOT NULL FROM "Messages" WHERE "Direction" = 'Outbound'""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = (reader.GetString(1), reader.GetBoolean(2));
        }

        return rows;
    }

    public Task<long> PendingAsync() =>
        ScalarAsync("""SELECT COUNT(*) FROM "Messages" WHERE "Direction" = 'Outbound' AND "Status" IN ('Queued', 'Sending')""");

    public void Dispose() => TestPostgres.DropDatabase(ConnectionString);
}
