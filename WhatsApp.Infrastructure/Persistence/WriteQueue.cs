using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Group commit. SQLite has one writer at a time, and many small transactions each wait for the lock and for their
/// own fsync. Here one loop takes every write waiting, runs each in its own savepoint inside one transaction, commits
/// once, and only then completes the callers, so nothing is acknowledged before it is durable. A failed write rolls
/// back its savepoint alone; a failed commit fails the whole batch.
/// </summary>
internal sealed partial class WriteQueue(
    IDbContextFactory<WhatsAppDbContext> contexts, ILogger<WriteQueue> logger) : BackgroundService
{
    private const int MaxBatch = 256;
    private const int MaxAttempts = 3;

    private readonly Channel<IWork> _channel = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });

    private interface IWork
    {
        CancellationToken RequestAborted { get; }

        Task RunAsync(WhatsAppDbContext db, CancellationToken ct);

        void Complete();

        void Fail(Exception exception);
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside the next batch's transaction and returns its result once the batch is
    /// committed. The work must not begin or commit transactions itself; savepoints are fine.
    /// </summary>
    public Task<T> ExecuteAsync<T>(Func<WhatsAppDbContext, CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        var item = new Work<T>(work, ct);
        if (!_channel.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("The write queue has stopped.");
        }

        return item.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<IWork>(MaxBatch);
        while (await _channel.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _channel.Reader.TryRead(out var work))
            {
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
            await using var db = await contexts.CreateDbContextAsync();

            // Each write already runs in a savepoint of ours; EF's own per-SaveChanges savepoints would only add statements.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var work in batch)
            {
                if (await RunOneAsync(db, transaction, work) is { } failure)
                {
                    failures[work] = failure;
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            LogBatchFailed(ex, batch.Count);
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

    private static async Task<Exception?> RunOneAsync(
        WhatsAppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, IWork work)
    {
        const string savepoint = "write";
        for (var attempt = 1; ; attempt++)
        {
            await transaction.CreateSavepointAsync(savepoint);
            try
            {
                await work.RunAsync(db, CancellationToken.None);
                await transaction.ReleaseSavepointAsync(savepoint);
                return null;
            }
            catch (Exception ex)
            {
                await transaction.RollbackToSavepointAsync(savepoint);
                await transaction.ReleaseSavepointAsync(savepoint);

                // Another writer (another instance) committed the same natural key first: the retry sees its row.
                var retry = attempt < MaxAttempts && ex is DbUpdateException update && DatabaseErrors.IsUniqueViolation(update);
                if (!retry)
                {
                    return ex;
                }
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} writes failed to commit; every caller gets the error")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed class Work<T>(Func<WhatsAppDbContext, CancellationToken, Task<T>> work, CancellationToken requestAborted) : IWork
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public CancellationToken RequestAborted { get; } = requestAborted;

        public Task<T> Task => _completion.Task;

        public async Task RunAsync(WhatsAppDbContext db, CancellationToken ct) => _result = await work(db, ct);

        public void Complete() => _completion.TrySetResult(_result!);

        public void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
