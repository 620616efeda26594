using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// Group commit. SQLite has one writer at a time, and many small transactions each wait for the lock and for their
/// own fsync. Here one loop takes every write waiting, runs each in its own savepoint inside one transaction, commits
/// once, and only then completes the callers, so nothing is acknowledged before it is durable. A failed write rolls
/// back its savepoint alone; a failed commit fails the whole batch. The loop keeps one connection and its prepared
/// commands (<see cref="WriteSession"/>) open across batches, and opens a fresh one after a failure.
/// </summary>
internal sealed partial class WriteQueue(
    IDbContextFactory<WhatsAppDbContext> contexts, ILogger<WriteQueue> logger) : BackgroundService
{
    private const int MaxBatch = 512;
    private const int MaxAttempts = 3;
    private const string Savepoint = "write";

    private readonly Channel<IWork> _channel = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });

    private int _pending;

    /// <summary>Writes waiting for the next batch (a single-reader channel cannot count itself).</summary>
    public int Pending => Volatile.Read(ref _pending);
    private WriteSession? _session;

    private interface IWork
    {
        CancellationToken RequestAborted { get; }

        Task RunAsync(WriteSession session, CancellationToken ct);

        void Complete();

        void Fail(Exception exception);
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside the next batch's transaction and returns its result once the batch is
    /// committed. The work must not begin or commit transactions itself; savepoints are fine.
    /// </summary>
    public Task<T> ExecuteAsync<T>(Func<WriteSession, CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        var item = new Work<T>(work, ct);
        if (!_channel.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("The write queue has stopped.");
        }

        Interlocked.Increment(ref _pending);
        return item.Task;
    }

    /// <summary>Runs EF Core <paramref name="work"/> (on the batch's connection and transaction) in the next batch.</summary>
    public Task<T> ExecuteAsync<T>(Func<WhatsAppDbContext, CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        ExecuteAsync((WriteSession session, CancellationToken token) => work(session.Db, token), ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<IWork>(MaxBatch);
        try
        {
            while (await _channel.Reader.WaitToReadAsync(CancellationToken.None))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _channel.Reader.TryRead(out var work))
                {
                    Interlocked.Decrement(ref _pending);
                    if (work.RequestAborted.IsCancellationRequested)
                    {
                        work.Fail(new OperationCanceledException(work.RequestAborted));
                        continue;
                    }

                    batch.Add(work);
                }

                if (batch.Count > 0)
                {
                    await RunBatchAsync(batch);
                }
            }
        }
        finally
        {
            await CloseSessionAsync();
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // Let writes already accepted finish; new ones are refused.
        _channel.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    private async Task RunBatchAsync(List<IWork> batch)
    {
        var failures = new Dictionary<IWork, Exception>();
        try
        {
            var session = _session ??= await WriteSession.OpenAsync(contexts, CancellationToken.None);
            await session.BeginAsync(CancellationToken.None);
            foreach (var work in batch)
            {
                if (await RunOneAsync(session, work) is { } failure)
                {
                    failures[work] = failure;
                }
            }

            await session.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogBatchFailed(ex, batch.Count);

            // The connection may be broken (a locked or read-only file, a dropped server): start the next batch afresh.
            await CloseSessionAsync();
            batch.ForEach(w => w.Fail(ex));
            return;
        }

        foreach (var work in batch)
        {
            if (failures.TryGetValue(work, out var failure))
            {
                work.Fail(failure);
            }
            else
            {
                work.Complete();
            }
        }
    }

    private static async Task<Exception?> RunOneAsync(WriteSession session, IWork work)
    {
        for (var attempt = 1; ; attempt++)
        {
            await session.SavepointAsync(Savepoint);
            try
            {
                await work.RunAsync(session, CancellationToken.None);
                await session.ReleaseAsync(Savepoint);
                return null;
            }
            catch (Exception ex)
            {
                await session.RollbackToAsync(Savepoint);

                // Another writer (another instance) committed the same natural key first: the retry sees its row. Or,
                // on PostgreSQL, another instance's transaction deadlocked with this one and this statement was chosen.
                var retry = attempt < MaxAttempts
                    && ((ex is DbUpdateException update && DatabaseErrors.IsUniqueViolation(update))
                        || DatabaseErrors.IsConflictWithAnotherTransaction(ex));
                if (!retry)
                {
                    return ex;
                }
            }
            finally
            {
                session.Db.ChangeTracker.Clear();
            }
        }
    }

    private async Task CloseSessionAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            try
            {
                await session.DisposeAsync();
            }
            catch (Exception ex)
            {
                LogCloseFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} writes failed to commit; every caller gets the error")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the write connection after a failure failed too")]
    private partial void LogCloseFailed(Exception exception);

    private sealed class Work<T>(Func<WriteSession, CancellationToken, Task<T>> work, CancellationToken requestAborted) : IWork
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public CancellationToken RequestAborted { get; } = requestAborted;

        public Task<T> Task => _completion.Task;

        public async Task RunAsync(WriteSession session, CancellationToken ct) => _result = await work(session, ct);

        public void Complete() => _completion.TrySetResult(_result!);

        public void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
