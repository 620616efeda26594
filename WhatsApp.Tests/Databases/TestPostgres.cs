using Npgsql;

namespace WhatsApp.Tests.Databases;

/// <summary>
/// The test-time switch between providers: with <c>WHATSAPP_TEST_POSTGRES</c> set to a server's connection string
/// (./test.sh starts a throwaway cluster and sets it), integration and functional tests run on a fresh PostgreSQL
/// database each instead of a fresh SQLite file. Tests that only make sense on SQLite carry <see cref="SqliteOnly"/>.
/// </summary>
internal static class TestPostgres
{
    /// <summary>The category of tests that are about SQLite itself: its query plans, its file, its locks.</summary>
    public const string SqliteOnly = "SqliteOnly";

    public const string ServerVariable = "WHATSAPP_TEST_POSTGRES";

    public static string? ServerConnectionString { get; } = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : null;

    public static bool Enabled => ServerConnectionString is not null;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = $"whatsapp_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ToString();
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing whatever still holds it open.</summary>
    public static void DropDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        Execute($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
