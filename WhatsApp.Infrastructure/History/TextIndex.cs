using System.Text;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Infrastructure.History;

/// <summary>
/// The trigram index behind text search (SQLite: the FTS5 table <c>MessageSearch</c>, filled behind the writes by
/// <see cref="SearchIndexWorker"/>, with the messages it has not reached yet read directly; PostgreSQL: <c>pg_trgm</c>'s
/// GIN index on <c>SearchText</c>). A needle found in few messages is answered from the index; one found in many is left
/// to the ordered walk, which fills a page from the newest messages sooner than sorting every match would.
/// </summary>
internal static class TextIndex
{
    /// <summary>Trigrams need three characters; a shorter needle keeps the walk, bounded by the other filters.</summary>
    public const int MinLength = 3;

    /// <summary>More matches than this make a needle common: walking newest first meets a page's worth early.</summary>
    public const int Cap = 1000;

    /// <summary>The ids of the messages whose search text contains <paramref name="needle"/>; null when it is short or common.</summary>
    public static async Task<IReadOnlyList<Guid>?> CandidatesAsync(WhatsAppDbContext db, string needle, CancellationToken ct)
    {
        if (needle.EnumerateRunes().Count() < MinLength)
        {
            return null;
        }

        var limit = Cap + 1;
        var ids = db.Database.IsNpgsql()
            ? await db.Database.SqlQuery<Guid>(
                $"""SELECT "Id" AS "Value" FROM "Messages" WHERE "SearchText" LIKE {LikePattern(needle)} LIMIT {limit}""").ToListAsync(ct)
            : await db.Database.SqlQuery<Guid>(
                $"""
                SELECT m.Id AS Value FROM MessageSearch s JOIN Messages m ON m.rowid = s.rowid WHERE MessageSearch MATCH {Phrase(needle)}
                UNION ALL
                SELECT Id AS Value FROM Messages
                WHERE rowid > (SELECT IndexedThrough FROM SearchIndexState WHERE Id = 1) AND instr(SearchText, {needle}) > 0
                LIMIT {limit}
                """).ToListAsync(ct);
        return ids.Count > Cap ? null : ids;
    }

    // One FTS5 phrase: the whole needle, quotes doubled; the trigram tokenizer matches it as a substring.
    private static string Phrase(string needle) => "\"" + needle.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // PostgreSQL's LIKE escapes with a backslash by default.
    private static string LikePattern(string needle)
    {
        var pattern = new StringBuilder("%", needle.Length + 2);
        foreach (var c in needle)
        {
            if (c is '%' or '_' or '\\')
            {
                pattern.Append('\\');
            }

            pattern.Append(c);
        }

        return pattern.Append('%').ToString();
    }
}
