using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Seed.Planning;

namespace WhatsApp.Seed.Postgres;

/// <summary>
/// Fills an empty PostgreSQL database with the same history <see cref="HistorySeeder"/> writes to SQLite (the same
/// options give the same rows): the schema from the real EF migrations for PostgreSQL, the rows by binary COPY.
/// </summary>
public sealed class PostgresHistorySeeder(TimeProvider time)
{
    private static readonly string[] SeededTables = ["Messages", "MessageStatusEvents", "Contacts"];

    public PostgresHistorySeeder()
        : this(TimeProvider.System)
    {
    }

    /// <summary>
    /// Migrates the database of <paramref name="connectionString"/> (created if missing) and seeds it. Throws
    /// <see cref="InvalidOperationException"/> if it already holds messages. Leaves no connection open.
    /// </summary>
    public async Task<SeedReport> SeedAsync(string connectionString, SeedOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = Stopwatch.GetTimestamp();
        var until = (options.Until ?? time.GetUtcNow()).ToUnixTimeMilliseconds();
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ToString();

        var planning = HistoryPlanning.StartAsync(options, until, ct);
        await MigrateAsync(unpooled, ct);
        var (contacts, plan) = await planning;
        var migrateElapsed = Stopwatch.GetElapsedTime(started);

        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(ct);
        if (PostgresCommands.Query(connection, """SELECT EXISTS (SELECT 1 FROM "Messages")::int;""") != 0)
        {
            throw new InvalidOperationException("The database already holds messages; seed an empty one.");
        }

        // A seed is rebuilt, not recovered: the load itself need not wait for each commit to reach the disk.
        PostgresCommands.Execute(connection, "SET synchronous_commit = off; SET maintenance_work_mem = '256MB';");
        var indexes = PostgresDeferredIndexes.Drop(connection, SeededTables);
        var phase = Stopwatch.GetTimestamp();
        var statusEvents = PostgresHistoryWriter.Write(connection, plan, contacts, options, until, ct);
        var insertElapsed = Stopwatch.GetElapsedTime(phase);

        phase = Stopwatch.GetTimestamp();
        indexes.Recreate(connection);
        var indexElapsed = Stopwatch.GetElapsedTime(phase);

        phase = Stopwatch.GetTimestamp();
        PostgresCommands.Execute(connection, """ANALYZE "Messages", "MessageStatusEvents", "Contacts";""");
        var analyzeElapsed = Stopwatch.GetElapsedTime(phase);

        // Everything on disk before the benchmark reads it, so no checkpoint of the load lands in its measurements.
        PostgresCommands.Execute(connection, "CHECKPOINT;");
        return new SeedReport(plan.Length, contacts.Length, statusEvents, Stopwatch.GetElapsedTime(started))
        {
            MigrateElapsed = migrateElapsed,
            InsertElapsed = insertElapsed,
            IndexElapsed = indexElapsed,
            AnalyzeElapsed = analyzeElapsed,
        };
    }

    /// <summary>Drops the database of <paramref name="connectionString"/> if it exists (for <c>--overwrite</c>).</summary>
    public static async Task DropAsync(string connectionString, CancellationToken ct)
    {
        await using var db = Context(connectionString);
        await db.Database.EnsureDeletedAsync(ct);
    }

    private static async Task MigrateAsync(string connectionString, CancellationToken ct)
    {
        await using var db = Context(connectionString);
        await db.Database.MigrateAsync(ct);
    }

    private static PostgresWhatsAppDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresWhatsAppDbContext>().UseNpgsql(connectionString).Options);
}
