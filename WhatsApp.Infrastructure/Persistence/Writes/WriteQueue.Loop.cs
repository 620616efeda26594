using System.Diagnostics;
using System.Threading.Channels;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>The loop on the writer's thread: it takes the waiting writes into batches and sleeps when there are none.</summary>
internal sealed partial class WriteQueue
{
    private void RunLoop()
    {
        var batch = new List<IWork>(MaxBatch);
        try
        {
            while (true)
            {
                batch.Clear();
                while (batch.Count < MaxBatch && TryTake(_channel, out var work))
                {
                    batch.Add(work);
                }

                var started = Stopwatch.GetTimestamp();
                var background = _background.Reader.TryPeek(out _);
                if (batch.Count > 0 || (background && (!_budget.Capped(started) || _channel.Reader.Completion.IsCompleted)))
                {
                    var callers = batch.Count > 0;

                    // Synchronous on SQLite; on PostgreSQL the batch's I/O completes on the pool and only its end wakes this thread.
                    RunBatchAsync(batch).GetAwaiter().GetResult();
                    _budget.Ended(started, Stopwatch.GetTimestamp(), callers);
                }
                else if (_channel.Reader.Completion.IsCompleted && _background.Reader.Completion.IsCompleted)
                {
                    return;
                }
                else
                {
                    // Held to their share, background writes run only beside callers' writes (a batch of their own
                    // would add a commit to the callers' wait) until the writer quietens.
                    Sleep(background ? HeldBack : Timeout.InfiniteTimeSpan);
                }
            }
        }
        finally
        {
            CloseSessionAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Blocks until <see cref="Wake"/>. The flag is raised before the last look at the queue and lowered by whoever
    /// wakes the loop, so a write queued at any moment either is seen here or wakes the loop, and the semaphore is
    /// released only for a loop that sleeps, not once per write.
    /// </summary>
    private void Sleep(TimeSpan timeout)
    {
        Interlocked.Exchange(ref _sleeping, 1);
        var held = timeout != Timeout.InfiniteTimeSpan;
        if (_channel.Reader.TryPeek(out _) || (!held && _background.Reader.TryPeek(out _))
            || (_channel.Reader.Completion.IsCompleted && _background.Reader.Completion.IsCompleted))
        {
            if (Interlocked.Exchange(ref _sleeping, 0) == 1)
            {
                return;
            }

            // A writer lowered the flag first and released (or is about to release) the semaphore: take that release.
        }

        if (!_wake.Wait(timeout) && Interlocked.Exchange(ref _sleeping, 0) == 0)
        {
            // The time ran out as a writer lowered the flag: take its release.
            _wake.Wait();
        }
    }

    // A full fence between queuing the write and reading the flag (as Sleep has between raising the flag and looking
    // at the queue): with a plain read, the read may pass the queuing, and both sides miss each other.
    private void Wake()
    {
        if (Interlocked.CompareExchange(ref _sleeping, 0, 1) == 1)
        {
            _wake.Release();
        }
    }

    // The next write of the channel that is still wanted (one whose caller has gone is failed, not run).
    private bool TryTake(Channel<IWork> channel, out IWork work)
    {
        while (channel.Reader.TryRead(out work!))
        {
            Interlocked.Decrement(ref _pending);
            if (!work.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            work.Fail(new OperationCanceledException(work.RequestAborted));
        }

        return false;
    }
}
