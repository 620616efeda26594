using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Seed;

namespace WhatsApp.Tests.Integration.Seed;

/// <summary>A temporary SQLite file filled by <see cref="HistorySeeder"/>, deleted on dispose.</summary>
internal sealed class SeededDatabase : IDbContextFactory<WhatsAppDbContext>, IAsyncDisposable
{
    public static readonly DateTimeOffset Until = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"whatsapp-seed-{Guid.NewGuid():N}.db");

    private SeededDatabase()
    {
        ConnectionString = SqliteConnectionStrings.Resolve($"Data Source={_path}", Path.GetTempPath());
    }

    public string ConnectionString { get; }

    public SeedReport Report { get; private set; } = null!;

    public static async Task<SeededDatabase> CreateAsync(SeedOptions options)
    {
        var database = new SeededDatabase();
        database.Report = await new HistorySeeder().SeedAsync(database.ConnectionString, options with { Until = Until }, CancellationToken.None);
        return database;
    }

    /// <summary>The same schema with no rows: the real migrations, as the app applies them.</summary>
    public static async Task<SeededDatabase> CreateEmptyAsync()
    {
        var database = new SeededDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public WhatsAppDbContext CreateDbContext() =>
        new SqliteWhatsAppDbContext(new DbContextOptionsBuilder<SqliteWhatsAppDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>Every row of a table as raw column values (as SQLite stores them), in primary-key order.</summary>
    public async Task<(string[] Columns, List<object?[]> Rows)> RawRowsAsync(string table, string key)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        return await RawRows.ReadAsync(connection, table, key);
    }

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
