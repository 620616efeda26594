using System.Globalization;
using Microsoft.Data.Sqlite;

namespace WhatsApp.Seed.Writing;

/// <summary>
/// Trades durability for speed while loading: no journal (each page is written once, not to the WAL and then
/// again by a checkpoint), no fsync, a page cache that holds a whole 50,000-row transaction. Restores the previous
/// settings (WAL included) afterwards.
/// A crash mid-load leaves a database to throw away, which is fine for seed data.
/// </summary>
internal sealed class BulkLoadPragmas : IDisposable
{
    private const long CacheKibibytes = 256 * 1024;

    private static readonly string[] Saved = ["synchronous", "cache_size", "mmap_size", "threads"];

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, long> _previous;
    private readonly string _journalMode;

    public BulkLoadPragmas(SqliteConnection connection)
    {
        _connection = connection;
        _previous = Saved.ToDictionary(name => name, name => SqliteCommands.Query(connection, $"PRAGMA {name};"));
        _journalMode = SqliteCommands.Text(connection, "PRAGMA journal_mode;");
        SqliteCommands.Execute(connection, "PRAGMA journal_mode=OFF;");
        Set("synchronous", 0);
        Set("cache_size", -CacheKibibytes);
    }

    /// <summary>
    /// CREATE INDEX sorts in runs as large as the page cache. Small runs, sorted by helper threads (one per core)
    /// and merged, beat one single-threaded sort of everything; the table is read through a memory map meanwhile.
    /// </summary>
    public void PrepareIndexBuild()
    {
        Set("cache_size", -8 * 1024);
        Set("mmap_size", 1L << 34);
        Set("threads", Environment.ProcessorCount);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Set(name, value);
        }

        SqliteCommands.Execute(_connection, $"PRAGMA journal_mode={_journalMode};");
    }

    private void Set(string name, long value) =>
        SqliteCommands.Execute(_connection, $"PRAGMA {name}={value.ToString(CultureInfo.InvariantCulture)};");
}
