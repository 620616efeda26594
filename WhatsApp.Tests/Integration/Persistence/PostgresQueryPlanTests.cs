using Microsoft.EntityFrameworkCore;
using WhatsApp.Tests.Databases;
using WhatsApp.Tests.Integration.Persistence.QueryPlans;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// Reads PostgreSQL's plan, with sequential scans and sorts priced out, for the SQL each history endpoint runs: no Seq Scan,
/// no index scan that pins nothing by equality beyond the case's one named walk, and no Sort. Ignored without a server.
/// </summary>
[TestFixture]
public sealed class PostgresQueryPlanTests
{
    private TestDatabase? _database;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        if (!TestPostgres.Enabled)
        {
            Assert.Ignore($"Needs PostgreSQL: set {TestPostgres.ServerVariable} (./test.sh does).");
        }

        _database = await SeededAsync();
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [TestCaseSource(typeof(HistoryQueries), nameof(HistoryQueries.Names))]
    public async Task HistoryQuery_Plan_NeitherWalksATableNorSorts(string query) =>
        Assert.That(await PlanInspector.ViolationsAsync(_database!, HistoryQueries.Named(query)), Is.Empty);

    // The proof that the rules catch a missing index: without it PostgreSQL walks the primary key backwards,
    // filtering every row, or reads another index and sorts.
    [TestCaseSource(typeof(HistoryQueries), nameof(HistoryQueries.WithoutTheirIndex))]
    public async Task HistoryQuery_FilterIndexDropped_IsReported(string index, string query)
    {
        await using var database = await SeededAsync("DROP INDEX \"" + index + "\"");

        Assert.That(await PlanInspector.ViolationsAsync(database, HistoryQueries.Named(query)), Is.Not.Empty);
    }

    // Analysed, as autovacuum keeps a production database, so the planner weighs indexes by the real row counts.
    private static async Task<TestDatabase> SeededAsync(string? change = null)
    {
        var database = await TestDatabase.CreateAsync();
        await PlanSeed.SeedAsync(database);
        await using var db = database.CreateDbContext();
#pragma warning disable EF1003 // The statement is one of the test cases' constants.
        await db.Database.ExecuteSqlRawAsync((change is null ? "" : change + "; ") + "ANALYZE");
#pragma warning restore EF1003
        return database;
    }
}
