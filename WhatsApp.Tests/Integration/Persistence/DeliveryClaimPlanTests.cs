using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Infrastructure.Persistence.Writes;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// SQLite's plan for the event delivery claim, on a database without statistics (the service never runs ANALYZE): the
/// due deliveries walked in the claim's own order, so the walk stops at its limit, and each one's per-contact order
/// check reading only that contact's earlier deliveries. Without those indexes the claim sorted every due delivery
/// and the check read all of an endpoint's earlier ones: 7 ms a claim behind a backlog, on the single writer.
/// </summary>
[TestFixture]
[Category(TestPostgres.SqliteOnly)]
public sealed class DeliveryClaimPlanTests
{
    [Test]
    public async Task Claim_Plan_WalksDueDeliveriesInOrderAndChecksOnlyTheContactsEarlierOnes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var plan = await ClaimPlanAsync(database);

        Assert.Multiple(() =>
        {
            Assert.That(plan, Has.None.Contains("TEMP B-TREE"), "no sort: the walk follows the index and stops at the limit");
            Assert.That(plan, Has.Some.Matches("SEARCH e USING INDEX .*Contact=\\? .*Id<\\?"), "the order check reads the contact's earlier deliveries");
        });
    }

    // The proof that the test sees the difference: the indexes the claim had before.
    [Test]
    public async Task Claim_WithTheUnorderedIndexes_IsReported()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("""
                DROP INDEX "IX_EventDeliveries_EndpointId_Status_NextAttemptAt_Id";
                DROP INDEX "IX_EventDeliveries_EndpointId_Contact_Status_Id";
                CREATE INDEX "IX_Claim_Old" ON "EventDeliveries" ("EndpointId", "Status", "NextAttemptAt");
                CREATE INDEX "IX_Check_Old" ON "EventDeliveries" ("EndpointId", "Contact", "Status");
                """);
        }

        var plan = await ClaimPlanAsync(database);
        Assert.That(plan, Has.Some.Contains("TEMP B-TREE"));
    }

    private static async Task<List<string>> ClaimPlanAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + WriteSql.ClaimDeliveries;
        foreach (var name in new[] { "@owner", "@until", "@endpoint", "@pending", "@now", "@now_utc", "@max" })
        {
            explain.Parameters.AddWithValue(name, "x");
        }

        var plan = new List<string>();
        await using var rows = await explain.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            plan.Add(rows.GetString(3));
        }

        return plan;
    }
}
