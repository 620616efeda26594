using System.Diagnostics;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>One batch: its writes in one transaction, first without savepoints, and its callers answered after the commit.</summary>
internal sealed partial class WriteQueue
{
    private async Task RunBatchAsync(List<IWork> batch)
    {
        if (await TryRunWithoutSavepointsAsync(batch))
        {
            return;
        }

        var failures = new Dictionary<IWork, Exception>();
        try
        {
            var context = await BeginBatchAsync();
            foreach (var work in batch)
            {
                if (await RunOneAsync(context, work) is { } failure)
                {
                    failures[work] = failure;
                }
            }

            await context.Session.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            await FailBatchAsync(batch, ex);
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

    /// <summary>
    /// Runs the batch with no savepoints: almost every write succeeds, and two savepoint statements per write cost
    /// the single writer about as much as the write itself. If any write fails (or needs to undo part of itself),
    /// everything is undone and false returned, for the batch to run again with a savepoint per write; nobody has
    /// been answered yet. A failed commit fails the batch as it would with savepoints.
    /// </summary>
    private async Task<bool> TryRunWithoutSavepointsAsync(List<IWork> batch)
    {
        WriteContext context;
        try
        {
            context = await BeginBatchAsync();
            foreach (var work in batch)
            {
                await RunAsync(context, work);
            }

            // Callers' writes first: background ones add to the wait for the commit, within their budget.
            var stopping = _channel.Reader.Completion.IsCompleted;
            while (batch.Count < MaxBatch && (stopping || _budget.MayRun(Stopwatch.GetTimestamp())) && TryTake(_background, out var work))
            {
                var started = Stopwatch.GetTimestamp();
                batch.Add(work);
                await RunAsync(context, work);
                _budget.Spent(Stopwatch.GetTimestamp() - started, started);
            }
        }
        catch (Exception ex)
        {
            LogRetryWithSavepoints(ex.GetType().Name, batch.Count);
            if (_context?.Session is { } open)
            {
                try
                {
                    await open.RollbackAsync();
                }
                catch (Exception rollback)
                {
                    LogCloseFailed(rollback);
                    await CloseSessionAsync();
                }
            }

            return false;
        }

        try
        {
            await context.Session.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            await FailBatchAsync(batch, ex);
            return true;
        }

        batch.ForEach(w => w.Complete());
        return true;
    }

    private static async Task RunAsync(WriteContext context, IWork work)
    {
        try
        {
            await work.RunAsync(context, CancellationToken.None);
        }
        finally
        {
            context.Session.Db.ChangeTracker.Clear();
        }
    }

    private async Task<WriteContext> BeginBatchAsync()
    {
        _context ??= new WriteContext(await WriteSession.OpenAsync(contexts, CancellationToken.None));
        await _context.Session.BeginAsync(CancellationToken.None);
        return _context;
    }

    private async Task FailBatchAsync(List<IWork> batch, Exception ex)
    {
        LogBatchFailed(ex, batch.Count);

        // The connection may be broken (a locked or read-only file, a dropped server): start the next batch afresh.
        await CloseSessionAsync();
        batch.ForEach(w => w.Fail(ex));
    }

    private static async Task<Exception?> RunOneAsync(WriteContext context, IWork work)
    {
        var session = context.Session;
        for (var attempt = 1; ; attempt++)
        {
            await session.SavepointAsync(Savepoint);
            try
            {
                await work.RunAsync(context, CancellationToken.None);
                await session.ReleaseAsync(Savepoint);
                return null;
            }
            catch (Exception ex)
            {
                await session.RollbackToAsync(Savepoint);

                // Another writer (another instance) committed the same natural key first: the retry sees its row. Or,
                // on PostgreSQL, another instance's transaction deadlocked with this one and this statement was chosen.
                var retry = attempt < MaxAttempts && DatabaseErrors.IsConflictWithAnotherWriter(ex);
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
        if (_context?.Session is { } session)
        {
            _context = null;
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
}
