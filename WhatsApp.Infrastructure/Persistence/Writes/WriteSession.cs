using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// The write queue's connection, kept open across batches with its commands. A command is prepared by the database
/// on its first run and reused afterwards, so a hot write costs a bind and a step instead of EF Core's change
/// tracking, SQL generation and a fresh prepare. EF Core stays available (<see cref="Db"/>) for rare writes.
/// </summary>
internal sealed class WriteSession : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<(Type, string), (RelationalTypeMapping Mapping, bool Nullable)> _mappings = [];
    private readonly Dictionary<(DbCommand, string), DbParameter> _parameters = [];
    private readonly RowInserts _inserts;
    private readonly HashSet<DbCommand> _prepared = [];
    private readonly Dictionary<string, string> _chains = new(StringComparer.Ordinal);
    private readonly bool _postgres;
    private SqliteRowStatements? _sqlite;
    private IDbContextTransaction? _transaction;

    private WriteSession(WhatsAppDbContext db, RowInserts inserts)
    {
        Db = db;
        _inserts = inserts;
        _postgres = db.Database.IsNpgsql();
    }

    /// <summary>EF Core over the same connection and transaction.</summary>
    public WhatsAppDbContext Db { get; }

    public static async Task<WriteSession> OpenAsync(IDbContextFactory<WhatsAppDbContext> contexts, RowInserts inserts, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            // Each write runs in a savepoint of the queue's; EF's own per-SaveChanges savepoints would only add statements.
            db.Database.AutoSavepointsEnabled = false;
            await db.Database.OpenConnectionAsync(ct);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(WriteSql.SqliteWriteSession, ct);
            }

            return new WriteSession(db, inserts);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public async Task BeginAsync(CancellationToken ct) => _transaction = await Db.Database.BeginTransactionAsync(ct);

    public async Task CommitAsync(CancellationToken ct)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No batch is open.");
        _transaction = null;
        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
    }

    public async Task RollbackAsync()
    {
        if (_transaction is { } transaction)
        {
            _transaction = null;
            await transaction.DisposeAsync();
        }
    }

    /// <summary>
    /// False while the queue runs a batch optimistically: savepoints are then not taken, and undoing one throws
    /// <see cref="SavepointsNeededException"/> so that the queue undoes the whole batch and runs it again with them.
    /// </summary>
    public bool Savepoints { get; set; } = true;

    public Task SavepointAsync(string name) => Savepoints ? ExecuteAsync($"SAVEPOINT {name}") : Task.CompletedTask;

    public Task ReleaseAsync(string name) => Savepoints ? ExecuteAsync($"RELEASE SAVEPOINT {name}") : Task.CompletedTask;

    /// <summary>Undoes everything since the savepoint and leaves it, as if it had never been taken.</summary>
    public async Task RollbackToAsync(string name)
    {
        if (!Savepoints)
        {
            throw new SavepointsNeededException();
        }

        await ExecuteAsync($"ROLLBACK TO SAVEPOINT {name}");
        await ReleaseAsync(name);
        Db.ChangeTracker.Clear();
    }

    /// <summary>The command for <paramref name="sql"/> in the open batch, with no parameters bound yet.</summary>
    public DbCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = _transaction?.GetDbTransaction() ?? throw new InvalidOperationException("No batch is open.");
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// Inserts <paramref name="entity"/>, followed by <paramref name="onConflict"/> (<c>ON CONFLICT …</c>; <c>DO
    /// NOTHING</c> when null); the rows inserted or updated (0 when the conflict clause did nothing).
    /// </summary>
    public Task<int> InsertAsync<T>(T entity, string? onConflict, CancellationToken ct)
        where T : class => InsertAsync(_inserts.For(typeof(T), onConflict).Prepare(entity, []), ct);

    /// <summary>Runs the insert of a row prepared beforehand; the rows inserted or updated (0 when the conflict clause did nothing).</summary>
    public Task<int> InsertAsync(PreparedRow row, CancellationToken ct)
    {
        if (row.Insert.SqliteBound)
        {
            _sqlite ??= new SqliteRowStatements((SqliteConnection)Db.Database.GetDbConnection());
            return Task.FromResult(_sqlite.Run(row));
        }

        return RunAsync(row, ct);
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> in order, each only if the row it comes <c>After</c> was written; returns, row by
    /// row, whether it was. On PostgreSQL as one statement (<see cref="WriteSql.PostgresChain"/>), so one round trip
    /// instead of one per row; <paramref name="chain"/> names the shape of the chain (its rows' names, inserts and
    /// order), under which its SQL is built once for the session. On SQLite, in process, row by row.
    /// </summary>
    public async Task<bool[]> InsertChainAsync(string chain, (string Name, PreparedRow Row, string? After)[] rows, CancellationToken ct)
    {
        var written = new bool[rows.Length];
        if (!_postgres)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                written[i] = WrittenBefore(rows, written, rows[i].After) && await InsertAsync(rows[i].Row, ct) > 0;
            }

            return written;
        }

        if (!_chains.TryGetValue(chain, out var sql))
        {
            sql = WriteSql.PostgresChain(rows.Select(r => (r.Name, r.Row.Insert, r.After)));
            _chains.Add(chain, sql);
        }

        var command = Command(sql);
        foreach (var (name, row, _) in rows)
        {
            row.Insert.Bind(this, command, row, name);
        }

        await using var reader = await (await PreparedAsync(command, ct)).ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        for (var i = 0; i < written.Length; i++)
        {
            written[i] = reader.GetBoolean(i);
        }

        return written;
    }

    private static bool WrittenBefore((string Name, PreparedRow Row, string? After)[] rows, bool[] written, string? name)
    {
        if (name is null)
        {
            return true;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Name == name)
            {
                return written[i];
            }
        }

        throw new ArgumentException($"No row named {name} comes before it.", nameof(rows));
    }

    /// <summary>
    /// PostgreSQL: <paramref name="command"/>, bound, prepared on the server the first time it runs on this connection,
    /// so that later runs skip parsing and planning (about as much of the server's time as the write itself for the
    /// inbound webhook's statement). SQLite's commands are prepared by Microsoft.Data.Sqlite on their first run anyway.
    /// </summary>
    public async ValueTask<DbCommand> PreparedAsync(DbCommand command, CancellationToken ct)
    {
        if (_postgres && _prepared.Add(command))
        {
            await command.PrepareAsync(ct);
        }

        return command;
    }

    private async Task<int> RunAsync(PreparedRow row, CancellationToken ct)
    {
        var command = Command(row.Insert.Sql);
        row.Insert.Bind(this, command, row);
        return await (await PreparedAsync(command, ct)).ExecuteNonQueryAsync(ct);
    }

    /// <summary><paramref name="sql"/> with parameters typed and converted like <typeparamref name="T"/>'s properties.</summary>
    public SqlCall<T> Sql<T>(string sql)
        where T : class => new(this, Command(sql));

    /// <summary>Adds <paramref name="value"/> as EF Core would bind <typeparamref name="T"/>.<paramref name="property"/>.</summary>
    public void Bind<T>(DbCommand command, string name, string property, object? value)
    {
        var key = (typeof(T), property);
        if (!_mappings.TryGetValue(key, out var mapping))
        {
            var entity = Db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
            var found = entity.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not mapped.");
            mapping = (found.GetRelationalTypeMapping(), found.IsNullable);
            _mappings.Add(key, mapping);
        }

        AddParameter(command, name, mapping.Mapping, mapping.Nullable, value);
    }

    /// <summary>
    /// Adds <paramref name="value"/> as <paramref name="mapping"/> binds it. The parameter is created (and typed by the
    /// provider) on the command's first run and only given its new value afterwards.
    /// </summary>
    public void AddParameter(DbCommand command, string name, RelationalTypeMapping mapping, bool nullable, object? value) =>
        AddProviderValue(command, name, mapping, nullable, ToProvider(mapping, value));

    /// <summary><paramref name="value"/> as the database takes it: through the mapping's converter, null as <see cref="DBNull"/>.</summary>
    public static object ToProvider(RelationalTypeMapping mapping, object? value) =>
        (mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;

    /// <summary><see cref="AddParameter"/> for a value already converted for the database (null as <see cref="DBNull"/>).</summary>
    public void AddProviderValue(DbCommand command, string name, RelationalTypeMapping mapping, bool nullable, object providerValue)
    {
        if (!_parameters.TryGetValue((command, name), out var parameter))
        {
            parameter = mapping.CreateParameter(command, name, null, nullable);
            _parameters.Add((command, name), parameter);
        }

        parameter.Value = providerValue;
        command.Parameters.Add(parameter);
    }

    public Task<int> ExecuteAsync(string sql) => Command(sql).ExecuteNonQueryAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
        _parameters.Clear();
        _prepared.Clear();
        _chains.Clear();
        _sqlite?.Dispose();
        _sqlite = null;
        await RollbackAsync();
        await Db.Database.CloseConnectionAsync();
        await Db.DisposeAsync();
    }
}

/// <summary>A write needed to undo part of itself in a batch run without savepoints.</summary>
internal sealed class SavepointsNeededException() : Exception("The batch must run again with savepoints.");
