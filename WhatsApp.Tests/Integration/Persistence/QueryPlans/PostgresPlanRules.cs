using System.Text.Json;
using System.Text.RegularExpressions;

namespace WhatsApp.Tests.Integration.Persistence.QueryPlans;

/// <summary>
/// Reads PostgreSQL's EXPLAIN (FORMAT JSON), planned with sequential scans and sorts priced out, for accesses whose cost grows
/// with the table: a Seq Scan, an index scan whose Index Cond pins no column by equality (none at all: a walk of the
/// whole index, the primary key's included; a range alone: a walk from one end), and a Sort. Only the case's named
/// walk may do the second.
/// </summary>
internal static partial class PostgresPlanRules
{
    private static readonly string[] IndexScans = ["Index Scan", "Index Only Scan", "Bitmap Index Scan"];

    public static IReadOnlyList<string> Violations(JsonElement explain, string? walk)
    {
        var violations = new List<string>();
        foreach (var root in explain.EnumerateArray())
        {
            Visit(root.GetProperty("Plan"), walk, violations);
        }

        return violations;
    }

    private static void Visit(JsonElement node, string? walk, List<string> violations)
    {
        var type = node.GetProperty("Node Type").GetString()!;
        var where = $"{type} {Text(node, "Index Name")} on {Text(node, "Relation Name")} {Text(node, "Index Cond")}".Trim();
        if (type == "Seq Scan")
        {
            violations.Add($"reads the whole table: {where}");
        }
        else if (type is "Sort" or "Incremental Sort")
        {
            violations.Add($"sorts the result: {type} by {string.Join(", ", node.GetProperty("Sort Key").EnumerateArray())}");
        }
        else if (IndexScans.Contains(type) && !Equality().IsMatch(Text(node, "Index Cond")) && Text(node, "Index Name") != walk)
        {
            violations.Add($"walks an index: {where}");
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Visit(child, walk, violations);
            }
        }
    }

    private static string Text(JsonElement node, string name) => node.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    // (("Contact")::text = '+1415…'::text) and ("Id" = ANY (…)) pin the index, as a trigram index's LIKE
    // (("SearchText")::text ~~ '%…%'::text) looks up its trigrams; ("Id" < '…'::uuid) alone does not.
    [GeneratedRegex(" = | ~~ ")]
    private static partial Regex Equality();
}
