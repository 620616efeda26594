using System.Text.RegularExpressions;

namespace WhatsApp.Tests.Integration.Persistence.QueryPlans;

/// <summary>
/// Reads SQLite's EXPLAIN QUERY PLAN for accesses whose cost grows with the table: a SCAN of a table (through an index
/// or not: the primary key's index walks every row in key order), a SEARCH that pins no column by equality (a range
/// walked from one end, e.g. <c>Id&lt;?</c> alone), and a sort of the result. Only the case's named walk may do the first two.
/// </summary>
internal static partial class SqlitePlanRules
{
    public static IReadOnlyList<string> Violations(IReadOnlyList<string> plan, string? walk)
    {
        // Subqueries, virtual tables (json_each over a parameter) and constant rows are not tables: their size is the query's own.
        var derived = plan.Select(line => Derived().Match(line)).Where(m => m.Success).Select(m => m.Groups["name"].Value).ToHashSet();
        var violations = new List<string>();
        foreach (var line in plan)
        {
            if (line.Contains("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal))
            {
                violations.Add($"sorts the result: {line}");
                continue;
            }

            var access = Access().Match(line);
            if (!access.Success || derived.Contains(access.Groups["table"].Value)
                || line.Contains("VIRTUAL TABLE", StringComparison.Ordinal) || line.StartsWith("SCAN CONSTANT ROW", StringComparison.Ordinal))
            {
                continue;
            }

            var pinned = access.Groups["kind"].Value == "SEARCH" && Equality().IsMatch(access.Groups["terms"].Value);
            if (!pinned && !IsWalk(access.Groups["index"].Value, walk) && line != UnindexedTail)
            {
                violations.Add($"walks a table: {line}");
            }
        }

        return violations;
    }

    // Text search reads the messages past the search index's watermark directly: as many as the index trails by.
    private const string UnindexedTail = "SEARCH Messages USING INTEGER PRIMARY KEY (rowid>?)";

    // EF names a primary key PK_<table>; SQLite names the index it makes for a non-integer key sqlite_autoindex_<table>_1.
    private static bool IsWalk(string index, string? walk) =>
        walk is not null && (index == walk || (walk.StartsWith("PK_", StringComparison.Ordinal) && index == $"sqlite_autoindex_{walk[3..]}_1"));

    [GeneratedRegex(@"^(?<kind>SCAN|SEARCH) (?<table>\S+)(?: USING (?:COVERING )?INDEX (?<index>\S+))?.*?(?:\((?<terms>[^()]*)\))?$")]
    private static partial Regex Access();

    [GeneratedRegex(@"^(?:CO-ROUTINE|MATERIALIZE) (?<name>\S+)")]
    private static partial Regex Derived();

    // "Contact=?" pins the index; "Id>?" (SQLite writes >= as >, < and <= as <) does not.
    [GeneratedRegex(@"(?:^|[ (])\w+=\?")]
    private static partial Regex Equality();
}
