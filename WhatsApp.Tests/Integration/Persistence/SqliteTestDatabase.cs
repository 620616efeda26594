using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>A real SQLite file with the real migrations applied, deleted on dispose.</summary>
internal sealed class SqliteTestDatabase : IDbContextFactory<WhatsAppDbContext>, IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"whatsapp-it-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<SqliteWhatsAppDbContext> _options;

    private SqliteTestDatabase() =>
        _options = new DbContextOptionsBuilder<SqliteWhatsAppDbContext>()
            .UseSqlite(SqliteConnectionStrings.Resolve($"Data Source={_path}", Path.GetTempPath()))
            .Options;

    /// <summary>The group-commit writer the stores write through, running while the database lives.</summary>
    public WriteQueue Writes { get; private set; } = null!;

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        database.Writes = new WriteQueue(database, NullLogger<WriteQueue>.Instance);
        await database.Writes.StartAsync(default);
        return database;
    }

    public WhatsAppDbContext CreateDbContext() => new SqliteWhatsAppDbContext(_options);

    public async ValueTask DisposeAsync()
    {
        await Writes.StopAsync(default);
        Writes.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
