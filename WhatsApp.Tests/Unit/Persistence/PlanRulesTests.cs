using System.Text.Json;
using WhatsApp.Tests.Integration.Persistence.QueryPlans;

namespace WhatsApp.Tests.Unit.Persistence;

/// <summary>The query-plan rules on plans as SQLite and PostgreSQL print them.</summary>
public sealed class PlanRulesTests
{
    [TestCase("SCAN m")]
    [TestCase("SCAN m USING INDEX sqlite_autoindex_Messages_1")]
    [TestCase("SCAN m USING COVERING INDEX IX_Messages_Status_Id")]
    [TestCase("SEARCH m USING INDEX sqlite_autoindex_Messages_1 (Id<?)")]
    [TestCase("SEARCH c USING INDEX IX_Contacts_LastInboundAt (LastInboundAt>?)")]
    [TestCase("USE TEMP B-TREE FOR ORDER BY")]
    public void Sqlite_WalkOrSort_IsAViolation(string line) =>
        Assert.That(SqlitePlanRules.Violations([line], null), Has.Count.EqualTo(1));

    [TestCase("SEARCH m USING INDEX IX_Messages_ErrorCode_Id (ErrorCode=? AND Id<?)")]
    [TestCase("SEARCH m USING INDEX sqlite_autoindex_Messages_1 (Id=?)")]
    [TestCase("SCAN json_each VIRTUAL TABLE INDEX 1:")]
    [TestCase("SCAN CONSTANT ROW")]
    public void Sqlite_PinnedOrNoTable_IsFine(string line) =>
        Assert.That(SqlitePlanRules.Violations([line], null), Is.Empty);

    [Test]
    public void Sqlite_ScanOfASubquery_IsFine() =>
        Assert.That(SqlitePlanRules.Violations(["CO-ROUTINE s", "SEARCH m USING INDEX IX_Messages_Contact_Id (Contact=?)", "SCAN s"], null), Is.Empty);

    [TestCase("SCAN m USING INDEX sqlite_autoindex_Messages_1", "PK_Messages")]
    [TestCase("SEARCH m USING INDEX sqlite_autoindex_Messages_1 (Id>? AND Id<?)", "PK_Messages")]
    [TestCase("SCAN c USING INDEX IX_Contacts_LastMessageAt_Number", "IX_Contacts_LastMessageAt_Number")]
    public void Sqlite_TheNamedWalk_IsFine(string line, string walk) =>
        Assert.That(SqlitePlanRules.Violations([line], walk), Is.Empty);

    [Test]
    public void Sqlite_NamedWalk_StillMayNotSort() =>
        Assert.That(SqlitePlanRules.Violations(["SCAN m USING INDEX sqlite_autoindex_Messages_1", "USE TEMP B-TREE FOR ORDER BY"], "PK_Messages"), Has.Count.EqualTo(1));

    [TestCase("""{"Node Type": "Seq Scan", "Relation Name": "Messages"}""", null)]
    [TestCase("""{"Node Type": "Index Scan", "Index Name": "PK_Messages", "Relation Name": "Messages", "Filter": "x"}""", null)]
    [TestCase("""{"Node Type": "Index Scan", "Index Name": "PK_Messages", "Index Cond": "(\"Id\" < '0'::uuid)"}""", null)]
    [TestCase("""{"Node Type": "Index Scan", "Index Name": "PK_Messages", "Index Cond": "(\"Id\" < '0'::uuid)"}""", "IX_Contacts_LastMessageAt_Number")]
    [TestCase("""{"Node Type": "Sort", "Sort Key": ["m.\"Id\" DESC"], "Plans": [{"Node Type": "Bitmap Heap Scan"}]}""", "PK_Messages")]
    public void Postgres_WalkOrSort_IsAViolation(string node, string? walk) =>
        Assert.That(PostgresPlanRules.Violations(Explain(node), walk), Has.Count.EqualTo(1));

    [TestCase("""{"Node Type": "Index Scan", "Index Name": "IX_Messages_Contact_Id", "Index Cond": "(((\"Contact\")::text = '+1'::text) AND (\"Id\" < '0'::uuid))"}""", null)]
    [TestCase("""{"Node Type": "Index Scan", "Index Name": "PK_Messages", "Index Cond": "(\"Id\" = ANY ('{}'::uuid[]))"}""", null)]
    [TestCase("""{"Node Type": "Index Scan", "Index Name": "PK_Messages", "Index Cond": "(\"Id\" >= '0'::uuid)"}""", "PK_Messages")]
    [TestCase("""{"Node Type": "Limit", "Plans": [{"Node Type": "Index Scan", "Index Name": "IX_Contacts_LastMessageAt_Number"}]}""", "IX_Contacts_LastMessageAt_Number")]
    public void Postgres_PinnedOrTheNamedWalk_IsFine(string node, string? walk) =>
        Assert.That(PostgresPlanRules.Violations(Explain(node), walk), Is.Empty);

    private static JsonElement Explain(string node) => JsonDocument.Parse($$"""[{"Plan": {{node}}}]""").RootElement;
}
