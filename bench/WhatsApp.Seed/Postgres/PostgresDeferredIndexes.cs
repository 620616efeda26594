using Npgsql;

namespace WhatsApp.Seed.Postgres;

/// <summary>
/// Drops the secondary indexes the migrations created on the seeded tables (primary keys stay: rows arrive in key
/// order) and recreates them after the load from their own DDL (<c>pg_indexes.indexdef</c>): one sort per index
/// instead of a million B-tree inserts into ten. The schema afterwards is exactly the migrated one.
/// </summary>
internal sealed class PostgresDeferredIndexes
{
    private readonly List<(string Name, string Definition)> _indexes = [];

    public static PostgresDeferredIndexes Drop(NpgsqlConnection connection, IEnumerable<string> tables)
    {
        var deferred = new PostgresDeferredIndexes();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                ORDER BY i.indexname
                """;
            command.Parameters.AddWithValue("tables", tables.ToArray());
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                deferred._indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in deferred._indexes)
        {
            PostgresCommands.Execute(connection, $"DROP INDEX \"{name}\";");
        }

        return deferred;
    }

    public void Recreate(NpgsqlConnection connection)
    {
        foreach (var (_, definition) in _indexes)
        {
            PostgresCommands.Execute(connection, definition);
        }
    }
}
