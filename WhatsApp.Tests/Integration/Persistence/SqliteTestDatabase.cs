using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>A real SQLite file with the real migrations applied, deleted on dispose.</summary>
internal sealed class SqliteTestDatabase : IDbContextFactory<WhatsAppDbContext>, IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"whatsapp-it-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<WhatsAppDbContext> _options;

    private SqliteTestDatabase() =>
        _options = new DbContextOptionsBuilder<WhatsAppDbContext>()
            .UseSqlite(SqliteConnectionStrings.Resolve($"Data Source={_path}", Path.GetTempPath()))
            .Options;

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    public WhatsAppDbContext CreateDbContext() => new(_options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
