using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Infrastructure.History;

/// <summary>
/// SQLite only: adds new messages to the search index (FTS5) in background writes, after the writes that stored them,
/// rather than by a trigger inside them (the trigrams cost the single writer about a sixth of webhook throughput:
/// bench/README.md). Search reads the messages past the watermark directly (<see cref="TextIndex"/>), so a message is
/// found as soon as it is stored; while a burst keeps the writer busy the index trails it, as events do.
/// </summary>
internal sealed partial class SearchIndexWorker(WriteQueue writes, ILogger<SearchIndexWorker> logger) : BackgroundService
{
    public const int Batch = 500;
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(500);

    /// <summary>One round: indexes up to <paramref name="max"/> messages past the watermark; how many.</summary>
    public static Task<int> IndexAsync(WriteQueue writes, int max, CancellationToken ct) =>
        writes.ExecuteInBackgroundAsync((context, token) => ((WriteContext)context).IndexSearchTextAsync(max, token), ct);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BacklogRounds.RunAsync(ct => IndexAsync(writes, Batch, ct), Batch, Idle, LogRoundFailed, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A search indexing round failed; trying again shortly")]
    private partial void LogRoundFailed(Exception exception);
}
