using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Configurations;
using WhatsApp.Seed;
using WhatsApp.Seed.Postgres;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Seed;

/// <summary>
/// The PostgreSQL seeder copies rows in binary for speed; these tests prove they are the rows the app itself writes
/// on PostgreSQL, and that the app reads back exactly what the SQLite seeder gives for the same options, so the
/// benchmark compares the two providers on the same data.
/// </summary>
[TestFixture]
public sealed class PostgresSeededRowsTests
{
    private static readonly SeedOptions Options = new() { Messages = 2_000, Contacts = 200, Seed = 11, Until = SeededDatabase.Until };
    private static readonly (string Table, string Key)[] Tables = [("Messages", "Id"), ("Contacts", "Number"), ("MessageStatusEvents", "Id")];
    private readonly List<string> _databases = [];

    [SetUp]
    public void RequirePostgres()
    {
        if (!TestPostgres.Enabled)
        {
            Assert.Ignore($"Needs PostgreSQL: set {TestPostgres.ServerVariable} (./test.sh does).");
        }
    }

    [TearDown]
    public void DropDatabases() => _databases.ForEach(TestPostgres.DropDatabase);

    [Test]
    public async Task PostgresSeed_EveryRowRewrittenThroughEf_IsIdenticalColumnForColumn()
    {
        var seeded = await SeededAsync();
        var rewritten = CreateDatabase();
        await using (var empty = Context(rewritten))
        {
            await empty.Database.MigrateAsync();
        }

        await using (var source = Context(seeded))
        await using (var target = Context(rewritten))
        {
            target.Messages.AddRange(await source.Messages.AsNoTracking().ToListAsync());
            target.Contacts.AddRange(await source.Contacts.AsNoTracking().ToListAsync());
            target.StatusEvents.AddRange(await source.StatusEvents.AsNoTracking().ToListAsync());
            await target.SaveChangesAsync();
        }

        foreach (var (table, key) in Tables)
        {
            var (columns, expected) = await RawRowsAsync(rewritten, table, key);
            var (_, actual) = await RawRowsAsync(seeded, table, key);

            RawRows.AssertEqual(table, columns, expected, actual);
        }
    }

    [Test]
    public async Task PostgresSeed_SameOptionsAsSqlite_AppReadsTheSameHistory()
    {
        await using var sqlite = await SeededDatabase.CreateAsync(Options);
        var postgres = await SeededAsync();
        await using var expected = sqlite.CreateDbContext();
        await using var actual = Context(postgres);

        Assert.That(await AsJsonAsync(actual), Is.EqualTo(await AsJsonAsync(expected)));
    }

    private static async Task<List<string>> AsJsonAsync(WhatsAppDbContext db)
    {
        var messages = await db.Messages.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new { Message = m, SearchText = EF.Property<string?>(m, MessageConfiguration.SearchText) })
            .ToListAsync();
        var contacts = await db.Contacts.AsNoTracking().OrderBy(c => c.Number).ToListAsync();
        var events = await db.StatusEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.That(messages, Is.Not.Empty);
        return messages.Select(m => JsonSerializer.Serialize(m))
            .Concat(contacts.Select(c => JsonSerializer.Serialize(c)))
            .Concat(events.Select(e => JsonSerializer.Serialize(e)))
            .ToList();
    }

    private async Task<string> SeededAsync()
    {
        var database = CreateDatabase();
        var report = await new PostgresHistorySeeder().SeedAsync(database, Options, CancellationToken.None);
        Assert.That(report.Messages, Is.EqualTo(Options.Messages));
        return database;
    }

    private string CreateDatabase()
    {
        var database = TestPostgres.CreateDatabase();
        _databases.Add(database);
        return database;
    }

    private static PostgresWhatsAppDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresWhatsAppDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>Every row of a table as raw column values (as PostgreSQL returns them), in primary-key order.</summary>
    private static async Task<(string[] Columns, List<object?[]> Rows)> RawRowsAsync(string connectionString, string table, string key)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await RawRows.ReadAsync(connection, table, key);
    }
}
