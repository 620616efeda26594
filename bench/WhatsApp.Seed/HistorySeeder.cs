using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Seed.Planning;
using WhatsApp.Seed.Writing;

namespace WhatsApp.Seed;

/// <summary>
/// Fills an empty SQLite database with realistic message history: the schema comes from the real EF migrations, the
/// rows from prepared SQLite inserts that write exactly what the app would (checked by HistorySeederTests).
/// <see cref="Postgres.PostgresHistorySeeder"/> writes the same rows to PostgreSQL.
/// </summary>
public sealed class HistorySeeder(TimeProvider time)
{
    private static readonly string[] SeededTables = ["Messages", "MessageStatusEvents", "Contacts"];

    public HistorySeeder()
        : this(TimeProvider.System)
    {
    }

    /// <summary>
    /// Migrates the database at <paramref name="connectionString"/> (created if missing, switched to WAL) and seeds
    /// it. Throws <see cref="InvalidOperationException"/> if it already holds messages. Leaves no connection open.
    /// </summary>
    public async Task<SeedReport> SeedAsync(string connectionString, SeedOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = Stopwatch.GetTimestamp();
        var until = (options.Until ?? time.GetUtcNow()).ToUnixTimeMilliseconds();
        var unpooled = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

        var planning = HistoryPlanning.StartAsync(options, until, ct);
        await MigrateAsync(unpooled, ct);
        var (contacts, plan) = await planning;
        var migrateElapsed = Stopwatch.GetElapsedTime(started);

        await using var connection = new SqliteConnection(unpooled);
        await connection.OpenAsync(ct);
        if (SqliteCommands.Query(connection, "SELECT EXISTS (SELECT 1 FROM \"Messages\");") != 0)
        {
            throw new InvalidOperationException("The database already holds messages; seed an empty one.");
        }

        TimeSpan insertElapsed, indexElapsed, analyzeElapsed;
        int statusEvents;
        using (var pragmas = new BulkLoadPragmas(connection))
        {
            var indexes = DeferredIndexes.Drop(connection, SeededTables);
            var phase = Stopwatch.GetTimestamp();
            statusEvents = HistoryWriter.Write(connection, plan, contacts, options, until, ct);
            insertElapsed = Stopwatch.GetElapsedTime(phase);

            phase = Stopwatch.GetTimestamp();
            pragmas.PrepareIndexBuild();
            indexes.Recreate(connection);

            // The service indexes new messages for search in background writes; seeded ones are indexed here at once.
            SqliteCommands.Execute(connection, "INSERT INTO MessageSearch(MessageSearch) VALUES ('rebuild');");
            SqliteCommands.Execute(connection, "UPDATE SearchIndexState SET IndexedThrough = COALESCE((SELECT max(rowid) FROM Messages), 0) WHERE Id = 1;");
            indexElapsed = Stopwatch.GetElapsedTime(phase);

            phase = Stopwatch.GetTimestamp();
            SqliteCommands.Execute(connection, "ANALYZE;");
            analyzeElapsed = Stopwatch.GetElapsedTime(phase);
        }

        SqliteCommands.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new SeedReport(plan.Length, contacts.Length, statusEvents, Stopwatch.GetElapsedTime(started))
        {
            MigrateElapsed = migrateElapsed,
            InsertElapsed = insertElapsed,
            IndexElapsed = indexElapsed,
            AnalyzeElapsed = analyzeElapsed,
        };
    }

    private static async Task MigrateAsync(string connectionString, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<SqliteWhatsAppDbContext>().UseSqlite(connectionString).Options;
        await using var db = new SqliteWhatsAppDbContext(options);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
