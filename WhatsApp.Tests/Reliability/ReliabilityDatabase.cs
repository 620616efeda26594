using System.Globalization;
using Microsoft.Data.Sqlite;

namespace WhatsApp.Tests.Reliability;

/// <summary>
/// Reads the service's SQLite file with plain SQL, from outside the app: the rows are what the reliability tests
/// judge, so they do not go through the app's persistence classes (which may change) to look at them.
/// </summary>
internal sealed class ReliabilityDatabase(string path)
{
    public const string Queued = "Queued";
    public const string Sending = "Sending";
    public const string Sent = "Sent";
    public const string Failed = "Failed";
    public const string OutcomeUnknown = "OutcomeUnknown";

    public string Path { get; } = path;

    public async Task<IReadOnlyList<OutboundRow>> OutboundAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Id, Status, Body, Attempts, ProviderMessageId, LeaseOwner, ErrorCode
            FROM Messages WHERE Direction = 'Outbound'
            """;
        var rows = new List<OutboundRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboundRow(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return rows;
    }

    /// <summary>Outbound messages still waiting for the dispatcher (queued or mid-send).</summary>
    public async Task<long> PendingAsync() =>
        await ScalarAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Outbound' AND Status IN ('Queued', 'Sending')");

    public async Task<IReadOnlySet<string>> InboundProviderIdsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ProviderMessageId FROM Messages WHERE Direction = 'Inbound'";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>A connection of the test's own; it holds no pooled handle that would keep the file open afterwards.</summary>
    public async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        return connection;
    }
}
