using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Writes;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// A real database with the real migrations applied, deleted on dispose: a SQLite file, or a fresh PostgreSQL
/// database when <see cref="TestPostgres.Enabled"/>.
/// </summary>
internal sealed class TestDatabase : IDbContextFactory<WhatsAppDbContext>, IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"whatsapp-it-{Guid.NewGuid():N}.db");
    private readonly Func<WhatsAppDbContext> _create;
    private readonly string? _postgres;

    private TestDatabase()
    {
        if (TestPostgres.Enabled)
        {
            _postgres = TestPostgres.CreateDatabase();
            var postgres = new DbContextOptionsBuilder<PostgresWhatsAppDbContext>().UseNpgsql(_postgres).Options;
            _create = () => new PostgresWhatsAppDbContext(postgres);
            return;
        }

        var sqlite = new DbContextOptionsBuilder<SqliteWhatsAppDbContext>()
            .UseSqlite(SqliteConnectionStrings.Resolve($"Data Source={_path}", Path.GetTempPath()))
            .Options;
        _create = () => new SqliteWhatsAppDbContext(sqlite);
    }

    /// <summary>The group-commit writer, running while the database lives (SQLite's unit of work).</summary>
    public WriteQueue Writes { get; private set; } = null!;

    /// <summary>The unit of work the stores write through, as production picks it: one group commit on SQLite, several on PostgreSQL.</summary>
    public IUnitOfWork UnitOfWork { get; private set; } = null!;

    private PostgresUnitOfWork? _postgresWrites;

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        database.Writes = new WriteQueue(database, NullLogger<WriteQueue>.Instance);
        await database.Writes.StartAsync(default);
        database.UnitOfWork = database.Writes;
        if (database._postgres is not null)
        {
            database._postgresWrites = new PostgresUnitOfWork(database, NullLogger<WriteQueue>.Instance);
            await database._postgresWrites.StartAsync(default);
            database.UnitOfWork = database._postgresWrites;
        }
        return database;
    }

    public WhatsAppDbContext CreateDbContext() => _create();

    /// <summary>PostgreSQL only: contexts on a connection pool of their own, as another instance would have.</summary>
    public IDbContextFactory<WhatsAppDbContext> AnotherInstance(string name)
    {
        var connection = new NpgsqlConnectionStringBuilder(_postgres ?? throw new InvalidOperationException("Needs PostgreSQL."))
        {
            ApplicationName = name,
        };
        var options = new DbContextOptionsBuilder<PostgresWhatsAppDbContext>().UseNpgsql(connection.ToString()).Options;
        return new Factory(() => new PostgresWhatsAppDbContext(options));
    }

    public async ValueTask DisposeAsync()
    {
        await Writes.StopAsync(default);
        if (_postgresWrites is not null)
        {
            await _postgresWrites.StopAsync(default);
            _postgresWrites.Dispose();
        }
        if (_postgres is not null)
        {
            TestPostgres.DropDatabase(_postgres);
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    private sealed class Factory(Func<WhatsAppDbContext> create) : IDbContextFactory<WhatsAppDbContext>
    {
        public WhatsAppDbContext CreateDbContext() => create();
    }
}
