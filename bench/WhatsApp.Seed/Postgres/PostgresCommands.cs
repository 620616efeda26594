using System.Globalization;
using Npgsql;

namespace WhatsApp.Seed.Postgres;

/// <summary>One-off statements (settings, DDL, checks). All SQL passed here is a constant of this program or DDL read back from the catalog.</summary>
internal static class PostgresCommands
{
    public static long Query(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL, never input
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandTimeout = 0; // index builds and ANALYZE of a million rows take longer than the default 30 s on a busy machine
#pragma warning disable CA2100 // constant SQL or the catalog's own DDL, never input
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
