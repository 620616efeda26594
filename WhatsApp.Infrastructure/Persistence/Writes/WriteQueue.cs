using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// The unit of work as group commit (SQLite's; PostgreSQL runs several, <see cref="PostgresUnitOfWork"/>). SQLite has
/// one writer at a time, and many small transactions each wait for the lock and for their own fsync. Here one loop
/// takes every unit waiting, runs them inside one transaction, commits once, and only then completes the callers, so nothing is acknowledged before it is durable. A batch first runs
/// without savepoints; if a unit fails, the batch is undone whole and runs again with each unit in its own savepoint,
/// so a failed unit rolls back alone (this is why a unit's work may run more than once). A failed commit fails the
/// whole batch. The loop keeps one connection and its prepared commands (<see cref="WriteSession"/>) open across
/// batches, and opens a fresh one after a failure. Background writes wait behind callers' writes, within the share
/// of the writer <see cref="BackgroundBudget"/> gives them.
/// </summary>
internal sealed partial class WriteQueue(
    IDbContextFactory<WhatsAppDbContext> contexts, ILogger<WriteQueue> logger) : IUnitOfWork, IWriteBacklog, IHostedService, IDisposable
{
    private const int MaxBatch = 512;
    private const int MaxAttempts = 3;
    private const string Savepoint = "write";
    private static readonly TimeSpan HeldBack = TimeSpan.FromMilliseconds(5);

    private readonly Channel<IWork> _channel = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<IWork> _background = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SemaphoreSlim _wake = new(0);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private readonly BackgroundBudget _budget = new();
    private int _pending;
    private int _sleeping;

    /// <summary>Writes waiting for the next batch (a single-reader channel cannot count itself).</summary>
    public int Pending => Volatile.Read(ref _pending);

    // The writes over the open connection (its WriteSession); null before the first batch and after a failure.
    private WriteContext? _context;

    private interface IWork
    {
        CancellationToken RequestAborted { get; }

        Task RunAsync(WriteContext context, CancellationToken ct);

        void Complete();

        void Fail(Exception exception);
    }

    /// <summary>Runs <paramref name="work"/> inside the next batch's transaction and returns its result once the batch is committed.</summary>
    public Task<T> ExecuteAsync<T>(Func<IWriteContext, CancellationToken, Task<T>> work, CancellationToken ct) =>
        Enqueue(_channel, work, ct);

    /// <summary>Like <see cref="ExecuteAsync{T}"/>, within the share of the writer <see cref="BackgroundBudget"/> allows.</summary>
    public Task<T> ExecuteInBackgroundAsync<T>(Func<IWriteContext, CancellationToken, Task<T>> work, CancellationToken ct) =>
        Enqueue(_background, work, ct);

    private Task<T> Enqueue<T>(Channel<IWork> channel, Func<IWriteContext, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var item = new Work<T>(work, ct);
        if (!channel.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("The write queue has stopped.");
        }

        Interlocked.Increment(ref _pending);
        Wake();
        return item.Task;
    }

    /// <summary>
    /// The loop runs on a thread of its own rather than the thread pool's: on SQLite a batch runs synchronously
    /// (fsync included), and a pool thread blocked there made the pool add threads, while the loop's every wake-up
    /// queued behind the requests waiting for the pool. It sleeps only when there is nothing to write. Started here,
    /// not as a <see cref="BackgroundService"/>: that one starts its loop through the thread pool and skips it when
    /// stopped first, and writes queued meanwhile would never be answered.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var thread = CreateThread();
        if (Interlocked.CompareExchange(ref _thread, thread, null) is not null)
        {
            throw new InvalidOperationException("The write queue has already started.");
        }

        thread.Start();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Lets writes already accepted finish and refuses new ones; returns when the last has committed or
    /// <paramref name="cancellationToken"/> gives up waiting (the loop still finishes them).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        _background.Writer.TryComplete();
        Wake();
        if (_thread is null)
        {
            return;
        }

        try
        {
            await _stopped.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !_stopped.Task.IsCompleted)
        {
            // The host's shutdown timeout (a dispatcher draining against a locked database). Thrown, it would end the
            // process with an unhandled exception (SIGABRT) instead of a logged, orderly exit.
            LogStopGaveUp(Pending);
        }
    }

    // Not while the loop may still wait on the semaphore (a stop that gave up waiting).
    public void Dispose()
    {
        if (_thread is null || _stopped.Task.IsCompleted)
        {
            _wake.Dispose();
        }
    }

    private Thread CreateThread() => new(() =>
    {
        try
        {
            RunLoop();
            _stopped.SetResult();
        }
        catch (Exception ex)
        {
            // Not expected (each batch catches its own failures), but no caller may wait forever on a loop that is gone.
            LogLoopDied(ex);
            _channel.Writer.TryComplete();
            _background.Writer.TryComplete();
            while (_channel.Reader.TryRead(out var work) || _background.Reader.TryRead(out work))
            {
                Interlocked.Decrement(ref _pending);
                work.Fail(ex);
            }

            _stopped.SetException(ex);
        }
    })
    {
        IsBackground = true,
        Name = "Write queue",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} writes failed to commit; every caller gets the error")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A write in a batch of {Count} failed ({Error}); the batch runs again with a savepoint per write")]
    private partial void LogRetryWithSavepoints(string error, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped waiting for the write queue at the shutdown timeout; the batch in progress and {Pending} queued writes may not be stored")]
    private partial void LogStopGaveUp(int pending);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The write queue's loop stopped on an error; every write from now on fails")]
    private partial void LogLoopDied(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the write connection after a failure failed too")]
    private partial void LogCloseFailed(Exception exception);

    private sealed class Work<T>(Func<IWriteContext, CancellationToken, Task<T>> work, CancellationToken requestAborted) : IWork
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public CancellationToken RequestAborted { get; } = requestAborted;

        public Task<T> Task => _completion.Task;

        public async Task RunAsync(WriteContext context, CancellationToken ct) => _result = await work(context, ct);

        public void Complete() => _completion.TrySetResult(_result!);

        public void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
