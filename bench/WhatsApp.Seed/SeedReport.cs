namespace WhatsApp.Seed;

/// <summary>
/// What one seeding run wrote and how long it took: <see cref="Elapsed"/> is the whole run, the phases are its parts
/// (planning overlaps the migrations).
/// </summary>
public sealed record SeedReport(int Messages, int Contacts, int StatusEvents, TimeSpan Elapsed)
{
    /// <summary>Applying the EF migrations (and planning the history meanwhile).</summary>
    public TimeSpan MigrateElapsed { get; init; }

    /// <summary>Inserting messages, status events and contacts, with the secondary indexes dropped.</summary>
    public TimeSpan InsertElapsed { get; init; }

    /// <summary>Recreating the secondary indexes.</summary>
    public TimeSpan IndexElapsed { get; init; }

    /// <summary>ANALYZE, so the query planner knows the indexes' selectivity.</summary>
    public TimeSpan AnalyzeElapsed { get; init; }

    /// <summary>Messages per second over the whole run: the number to quote.</summary>
    public double MessagesPerSecond => Messages / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>Messages per second while inserting rows only.</summary>
    public double InsertMessagesPerSecond => Messages / Math.Max(InsertElapsed.TotalSeconds, 1e-9);
}
