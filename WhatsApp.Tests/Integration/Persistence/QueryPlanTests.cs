using Microsoft.EntityFrameworkCore;
using WhatsApp.Tests.Databases;
using WhatsApp.Tests.Integration.Persistence.QueryPlans;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// Reads SQLite's plan for the SQL each history endpoint runs, one case per filter: no walk of a whole table (the
/// primary key's index included) beyond the case's one named walk, and no sort of the result, so a page costs the
/// same at a thousand rows or a million.
/// </summary>
[TestFixture]
[Category(TestPostgres.SqliteOnly)] // SQLite's query plans (EXPLAIN QUERY PLAN); PostgresQueryPlanTests reads PostgreSQL's.
public sealed class QueryPlanTests
{
    private TestDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = await TestDatabase.CreateAsync();
        await PlanSeed.SeedAsync(_database);
    }

    [OneTimeTearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [TestCaseSource(typeof(HistoryQueries), nameof(HistoryQueries.Names))]
    public async Task HistoryQuery_Plan_NeitherWalksATableNorSorts(string query) =>
        Assert.That(await PlanInspector.ViolationsAsync(_database, HistoryQueries.Named(query)), Is.Empty);

    // The proof that the rules catch a missing index: without it SQLite walks the primary key in order, which a rule
    // against bare "SCAN m" alone let through.
    [TestCaseSource(typeof(HistoryQueries), nameof(HistoryQueries.WithoutTheirIndex))]
    public async Task HistoryQuery_FilterIndexDropped_IsReported(string index, string query)
    {
        await using var database = await TestDatabase.CreateAsync();
        await PlanSeed.SeedAsync(database);
        await using (var db = database.CreateDbContext())
        {
#pragma warning disable EF1003 // The name is one of the test cases' constants.
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"" + index + "\"");
#pragma warning restore EF1003
        }

        Assert.That(await PlanInspector.ViolationsAsync(database, HistoryQueries.Named(query)), Is.Not.Empty);
    }
}
