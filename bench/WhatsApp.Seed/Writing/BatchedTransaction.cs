using Microsoft.Data.Sqlite;

namespace WhatsApp.Seed.Writing;

/// <summary>A transaction committed and reopened every <c>batchSize</c> rows, with the prepared inserts that write in it.</summary>
internal sealed class BatchedTransaction(SqliteConnection connection, int batchSize) : IDisposable
{
    private readonly List<PreparedInsert> _inserts = [];
    private SqliteTransaction _current = connection.BeginTransaction();
    private long _rows;

    public PreparedInsert Prepare(InsertShape shape)
    {
        var insert = new PreparedInsert(connection, _current, shape);
        _inserts.Add(insert);
        return insert;
    }

    /// <summary>Counts a row toward the batch; commits and starts the next transaction when the batch is full.</summary>
    public void Counted()
    {
        if (++_rows % batchSize != 0)
        {
            return;
        }

        _current.Commit();
        _current.Dispose();
        _current = connection.BeginTransaction();
        foreach (var insert in _inserts)
        {
            insert.Transaction = _current;
        }
    }

    public void Commit() => _current.Commit();

    public void Dispose()
    {
        foreach (var insert in _inserts)
        {
            insert.Dispose();
        }

        _current.Dispose();
    }
}
