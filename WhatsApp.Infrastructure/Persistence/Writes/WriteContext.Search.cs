using Microsoft.EntityFrameworkCore;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>SQLite's search index (FTS5), filled behind the writes that store messages (<c>SearchIndexWorker</c>).</summary>
internal sealed partial class WriteContext
{
    /// <summary>Indexes the next <paramref name="max"/> messages past the watermark and moves it past them; how many.</summary>
    internal async Task<int> IndexSearchTextAsync(int max, CancellationToken ct)
    {
        await Flushed(ct);
        var from = await Db.Database.SqlQuery<long>($"SELECT IndexedThrough AS Value FROM SearchIndexState WHERE Id = 1").SingleAsync(ct);
        var next = await Db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM Messages WHERE rowid > {from} ORDER BY rowid LIMIT {max}").ToListAsync(ct);
        if (next.Count == 0)
        {
            return 0;
        }

        var through = next[^1];
        await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO MessageSearch(rowid, SearchText) SELECT rowid, SearchText FROM Messages WHERE rowid > {from} AND rowid <= {through} AND SearchText IS NOT NULL",
            ct);
        await Db.Database.ExecuteSqlAsync($"UPDATE SearchIndexState SET IndexedThrough = {through} WHERE Id = 1", ct);
        return next.Count;
    }
}
