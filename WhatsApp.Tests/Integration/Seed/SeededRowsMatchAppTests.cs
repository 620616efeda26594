using Microsoft.EntityFrameworkCore;
using WhatsApp.Seed;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Seed;

/// <summary>
/// The seeder writes raw SQL for speed; these tests prove its rows are the rows the app itself would write, and
/// that one seed always gives the same database.
/// </summary>
[TestFixture]
[Category(TestPostgres.SqliteOnly)] // compares the seeder's SQLite rows with the app's.
public sealed class SeededRowsMatchAppTests
{
    private static readonly SeedOptions Options = new() { Messages = 2_000, Contacts = 200, Seed = 11 };

    [Test]
    public async Task Seed_EveryRowRewrittenThroughEf_IsIdenticalColumnForColumn()
    {
        await using var seeded = await SeededDatabase.CreateAsync(Options);
        await using var rewritten = await SeededDatabase.CreateEmptyAsync();
        await using (var source = seeded.CreateDbContext())
        await using (var target = rewritten.CreateDbContext())
        {
            target.Messages.AddRange(await source.Messages.AsNoTracking().ToListAsync());
            target.Contacts.AddRange(await source.Contacts.AsNoTracking().ToListAsync());
            target.StatusEvents.AddRange(await source.StatusEvents.AsNoTracking().ToListAsync());
            await target.SaveChangesAsync();
        }

        foreach (var (table, key) in new[] { ("Messages", "Id"), ("Contacts", "Number"), ("MessageStatusEvents", "Id") })
        {
            var (columns, expected) = await rewritten.RawRowsAsync(table, key);
            var (_, actual) = await seeded.RawRowsAsync(table, key);

            RawRows.AssertEqual(table, columns, expected, actual);
        }
    }

    [Test]
    public async Task Seed_SameOptionsTwice_WritesIdenticalDatabases()
    {
        await using var first = await SeededDatabase.CreateAsync(Options);
        await using var second = await SeededDatabase.CreateAsync(Options);

        foreach (var (table, key) in new[] { ("Messages", "Id"), ("Contacts", "Number"), ("MessageStatusEvents", "Id") })
        {
            var (_, expected) = await first.RawRowsAsync(table, key);
            var (_, actual) = await second.RawRowsAsync(table, key);
            Assert.That(actual, Is.EqualTo(expected), table);
        }
    }
}
