using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// SQLite only: the write session's inserts as statements of SQLite's own, prepared once on the session's connection
/// (so inside its transaction) and run by binding each value by position and stepping once. Microsoft.Data.Sqlite
/// would look every parameter up by name and convert its value on each run; that binding was a fifth of the single
/// writer's time and of the service's allocations. Finalized before the connection closes.
/// </summary>
internal sealed class SqliteRowStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, Statement> _statements = new(StringComparer.Ordinal);

    /// <summary>Runs the insert of <paramref name="row"/>; the rows it inserted or updated (0 when it did nothing).</summary>
    public int Run(PreparedRow row)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The write connection is closed.");
        var statement = For(db, row.Insert.Sql, row.Values.Length);
        var values = row.Values;
        for (var i = 0; i < values.Length; i++)
        {
            // Parameter i + 1 is the column's @p{i}, checked when the statement was prepared.
            SqliteRowBinding.Bind(db, statement.Handle, i + 1, values[i]);
        }

        foreach (var (name, _, value) in row.Parameters)
        {
            SqliteRowBinding.Bind(db, statement.Handle, statement.IndexOf(name), value);
        }

        var rc = raw.sqlite3_step(statement.Handle);
        raw.sqlite3_reset(statement.Handle);
        if (rc is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return raw.sqlite3_changes(db);
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Handle.Dispose();
        }

        _statements.Clear();
    }

    private Statement For(sqlite3 db, string sql, int columns)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt handle), db);
            statement = new Statement(handle);
            for (var i = 0; i < columns; i++)
            {
                if (raw.sqlite3_bind_parameter_name(handle, i + 1).utf8_to_string() != RowInsert.ParameterName(i))
                {
                    statement.Handle.Dispose();
                    throw new InvalidOperationException($"Parameter {i + 1} of \"{sql}\" is not {RowInsert.ParameterName(i)}.");
                }
            }

            _statements.Add(sql, statement);
        }

        return statement;
    }

    private sealed class Statement(sqlite3_stmt handle)
    {
        public sqlite3_stmt Handle { get; } = handle;

        public int IndexOf(string parameter)
        {
            var index = raw.sqlite3_bind_parameter_index(Handle, parameter);
            return index > 0 ? index : throw new ArgumentException($"The statement has no parameter {parameter}.", nameof(parameter));
        }
    }
}
