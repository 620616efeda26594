namespace WhatsApp.Infrastructure;

/// <summary>
/// The loop of a worker that works through a backlog in rounds of up to a batch (the events' fan-out, SQLite's search
/// indexing): a full round is followed by the next at once, any other by a pause; a failed round is reported and
/// tried again after the pause. Returns when the host stops.
/// </summary>
internal static class BacklogRounds
{
    public static async Task RunAsync(
        Func<CancellationToken, Task<int>> round, int batch, TimeSpan pause, Action<Exception> failed, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var done = 0;
                try
                {
                    done = await round(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed(ex);
                }

                if (done < batch)
                {
                    await Task.Delay(pause, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
