using Microsoft.Data.Sqlite;

namespace WhatsApp.Seed.Writing;

/// <summary>
/// Drops the secondary indexes the migrations created on the seeded tables, and recreates them after the load from
/// their own DDL as stored in sqlite_master: sorting each index once is far cheaper than millions of B-tree inserts
/// into every index. The schema afterwards is exactly the migrated one.
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly List<(string Name, string Definition)> _indexes = [];

    public static DeferredIndexes Drop(SqliteConnection connection, IEnumerable<string> tables)
    {
        var deferred = new DeferredIndexes();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL";
            command.Parameters.AddWithValue("$table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                deferred._indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in deferred._indexes)
        {
            SqliteCommands.Execute(connection, $"DROP INDEX \"{name}\";");
        }

        return deferred;
    }

    public void Recreate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var (_, definition) in _indexes)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // DDL the migrations wrote, read back from sqlite_master
            command.CommandText = definition;
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
