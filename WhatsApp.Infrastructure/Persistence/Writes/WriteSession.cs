using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// A writer's connection and transaction, kept open with its commands: a hot statement is prepared on its first run
/// and afterwards only bound, instead of going through EF Core's change tracking and SQL generation. EF Core stays
/// available (<see cref="Db"/>) on the same connection and transaction. Only <see cref="WriteContext"/> writes with it.
/// </summary>
internal sealed class WriteSession : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<(DbCommand, string), DbParameter> _parameters = [];
    // Built once per model (every context of a provider shares one) and entity, for every session and thread.
    private static readonly ConcurrentDictionary<(IModel, Type, string?), RowInsert> Inserts = new();
    private static readonly ConcurrentDictionary<(IModel, Type, bool), RowRead> Reads = new();
    private static readonly ConcurrentDictionary<(IModel, Type, string), (RelationalTypeMapping Mapping, bool Nullable)> Mappings = new();
    private readonly HashSet<DbCommand> _prepared = [];
    private readonly bool _postgres;
    private IDbContextTransaction? _transaction;
    private NpgsqlBatch? _deferred;

    private WriteSession(WhatsAppDbContext db)
    {
        Db = db;
        _postgres = db.Database.IsNpgsql();
    }

    /// <summary>EF Core over the same connection and transaction.</summary>
    public WhatsAppDbContext Db { get; }

    public bool IsPostgres => _postgres;

    public static async Task<WriteSession> OpenAsync(IDbContextFactory<WhatsAppDbContext> contexts, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            // The unit of work decides about savepoints; EF's own per-SaveChanges ones would only add statements.
            db.Database.AutoSavepointsEnabled = false;
            await db.Database.OpenConnectionAsync(ct);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(WriteSql.SqliteWriteSession, ct);
            }

            return new WriteSession(db);
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
        await FlushAsync(ct);
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction is open.");
        _transaction = null;
        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
    }

    public async Task RollbackAsync()
    {
        DiscardDeferred();
        Db.ChangeTracker.Clear();
        if (_transaction is { } transaction)
        {
            _transaction = null;
            await transaction.DisposeAsync();
        }
    }

    public Task SavepointAsync(string name) => ExecuteAsync($"SAVEPOINT {name}");

    public async Task ReleaseAsync(string name)
    {
        await FlushAsync(CancellationToken.None);
        await ExecuteAsync($"RELEASE SAVEPOINT {name}");
    }

    /// <summary>Undoes everything since the savepoint and leaves it, as if it had never been taken.</summary>
    public async Task RollbackToAsync(string name)
    {
        DiscardDeferred();
        await ExecuteAsync($"ROLLBACK TO SAVEPOINT {name}");
        await ReleaseAsync(name);
        Db.ChangeTracker.Clear();
    }

    /// <summary>Inserts <paramref name="entity"/> (<see cref="RowInsert"/>); the rows inserted or updated, 0 when the conflict clause did nothing.</summary>
    public Task<int> InsertAsync<T>(
        T entity, string? onConflict, CancellationToken ct, params ReadOnlySpan<(string Property, object? Value)> shadowValues)
        where T : class => ExecuteAsync(InsertCommand(entity, onConflict, shadowValues), ct);

    /// <summary>The insert of <paramref name="entity"/>, bound; the conflict clause's own parameters are the caller's to add.</summary>
    public DbCommand InsertCommand<T>(T entity, string? onConflict, params ReadOnlySpan<(string Property, object? Value)> shadowValues)
        where T : class
    {
        var insert = Inserts.GetOrAdd((Db.Model, typeof(T), onConflict), static (key, db) => RowInsert.For(db, key.Item2, key.Item3), Db);

        var command = Command(insert.Sql);
        insert.Bind(this, command, entity, shadowValues);
        return command;
    }

    public async Task<int> ExecuteAsync(DbCommand command, CancellationToken ct) => await (await PreparedAsync(command, ct)).ExecuteNonQueryAsync(ct);

    /// <summary>
    /// A write whose result nobody needs: SQLite runs it now; PostgreSQL sends it with the next statement of the
    /// transaction (<see cref="FlushAsync"/>), so a unit's last writes cost one round trip between them, not one each.
    /// </summary>
    public async Task DeferAsync(DbCommand command, CancellationToken ct)
    {
        if (!_postgres)
        {
            await ExecuteAsync(command, ct);
            return;
        }

        var deferred = new NpgsqlBatchCommand(command.CommandText);
        foreach (NpgsqlParameter parameter in command.Parameters)
        {
            deferred.Parameters.Add(parameter.Clone());
        }

        _deferred ??= new NpgsqlBatch((NpgsqlConnection)command.Connection!, (NpgsqlTransaction)command.Transaction!);
        _deferred.BatchCommands.Add(deferred);
    }

    /// <summary>Whether deferred writes wait: EF Core, which runs its own commands, must not run before they go.</summary>
    public bool HasDeferred => _deferred is not null;

    /// <summary>Sends the deferred writes, in the order they were made; a failure among them fails the unit that runs this.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_deferred is { } batch)
        {
            _deferred = null;
            await using (batch)
            {
                await batch.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private void DiscardDeferred()
    {
        _deferred?.Dispose();
        _deferred = null;
    }

    /// <summary>The <typeparamref name="T"/> whose primary key is <paramref name="key"/> (<see cref="RowRead"/>); on PostgreSQL locked for this transaction when <paramref name="forUpdate"/>.</summary>
    public async Task<T?> FindAsync<T>(object key, bool forUpdate, CancellationToken ct)
        where T : class
    {
        forUpdate &= _postgres;
        var read = Reads.GetOrAdd((Db.Model, typeof(T), forUpdate), static (key, db) => RowRead.For(db, key.Item2, key.Item3), Db);

        var command = Command(read.Sql);
        Bind<T>(command, RowRead.KeyParameter, read.KeyProperty, key);
        await using var reader = await (await PreparedAsync(command, ct)).ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (T)read.Materialize(reader) : null;
    }

    /// <summary>The command for <paramref name="sql"/> in the open transaction, with no parameters bound yet.</summary>
    public DbCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = _transaction?.GetDbTransaction() ?? throw new InvalidOperationException("No transaction is open.");
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// PostgreSQL: <paramref name="command"/>, prepared on the server the first time it runs on this connection, so
    /// later runs skip parsing and planning. SQLite's are prepared by Microsoft.Data.Sqlite on their first run anyway.
    /// </summary>
    public async ValueTask<DbCommand> PreparedAsync(DbCommand command, CancellationToken ct)
    {
        await FlushAsync(ct);
        if (_postgres && _prepared.Add(command))
        {
            await command.PrepareAsync(ct);
        }

        return command;
    }

    /// <summary><paramref name="sql"/> with parameters typed and converted like <typeparamref name="T"/>'s properties.</summary>
    public SqlCall<T> Sql<T>(string sql)
        where T : class => new(this, Command(sql));

    /// <summary>Adds <paramref name="value"/> as EF Core would bind <typeparamref name="T"/>.<paramref name="property"/>.</summary>
    public void Bind<T>(DbCommand command, string name, string property, object? value)
    {
        var mapping = Mappings.GetOrAdd((Db.Model, typeof(T), property), static key =>
        {
            var entity = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not mapped.");
            var found = entity.FindProperty(key.Item3) ?? throw new InvalidOperationException($"{key.Item2.Name}.{key.Item3} is not mapped.");
            return (found.GetRelationalTypeMapping(), found.IsNullable);
        });
        AddParameter(command, name, mapping.Mapping, mapping.Nullable, value);
    }

    /// <summary>
    /// Adds <paramref name="value"/> converted as <paramref name="mapping"/> converts it. The parameter is created (and
    /// typed by the provider) on the command's first run and only given its new value afterwards.
    /// </summary>
    public void AddParameter(DbCommand command, string name, RelationalTypeMapping mapping, bool nullable, object? value)
    {
        if (!_parameters.TryGetValue((command, name), out var parameter))
        {
            parameter = mapping.CreateParameter(command, name, null, nullable);
            _parameters.Add((command, name), parameter);
        }

        parameter.Value = (mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private Task<int> ExecuteAsync(string sql) => Command(sql).ExecuteNonQueryAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
        _parameters.Clear();
        _prepared.Clear();
        await RollbackAsync();
        await Db.Database.CloseConnectionAsync();
        await Db.DisposeAsync();
    }
}
