using Microsoft.Data.Sqlite;

namespace WhatsApp.Seed.Writing;

/// <summary>An INSERT compiled once (<see cref="SqliteCommand.Prepare"/>); each row only rebinds the parameters.</summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedInsert(SqliteConnection connection, SqliteTransaction transaction, InsertShape shape)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
#pragma warning disable CA2100 // table and column names are constants of this program, never input
        _command.CommandText = shape.Sql;
#pragma warning restore CA2100
        _parameters = shape.ParameterNames.Select(name => _command.Parameters.Add(new SqliteParameter(name, DBNull.Value))).ToArray();
        _command.Prepare();
    }

    public SqliteTransaction Transaction
    {
        set => _command.Transaction = value;
    }

    /// <summary>Inserts one row; <paramref name="values"/> follow <see cref="InsertShape.Bound"/>, <see cref="DBNull.Value"/> for NULL.</summary>
    public void Execute(object[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i];
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
