using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Services;

namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>
/// Keeps up to <see cref="DispatchOptions.MaxConcurrency"/> sends in flight: whenever slots are free it claims that
/// many due messages, so one slow request never holds back the rest. On a stop it claims no more, puts back what has
/// not been sent yet, and waits for the requests in flight and their stored outcomes; the host's shutdown timeout
/// (<see cref="DispatchOptions.ShutdownTimeout"/>) leaves room for that.
/// </summary>
internal sealed partial class DispatchWorker(
    IServiceScopeFactory scopes,
    DispatchSignal signal,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<DispatchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
        var inFlight = new List<Task>();
        var backlog = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // With a backlog, gather a quarter of the slots before claiming, so that one claim (a write) serves
                // many sends rather than one each; without one, claim at once, for the lowest latency.
                var gather = backlog ? Math.Clamp(settings.MaxConcurrency / 4, 1, settings.BatchSize) : 1;
                var held = 0;
                while (held < gather)
                {
                    await slots.WaitAsync(stoppingToken);
                    held++;
                }

                while (held < settings.BatchSize && slots.Wait(0, CancellationToken.None))
                {
                    held++;
                }

                IReadOnlyList<Message> batch;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    batch = await scope.ServiceProvider.GetRequiredService<MessageDispatcher>().ClaimDueAsync(held, stoppingToken);
                }
                catch
                {
                    slots.Release(held);
                    throw;
                }

                backlog = batch.Count == held;
                if (batch.Count < held)
                {
                    slots.Release(held - batch.Count);
                }

                if (batch.Count == 0)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                    continue;
                }

                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.AddRange(batch.Select(message => SendAsync(message, slots, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRoundFailed(ex);
                await Task.Delay(settings.PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        inFlight.RemoveAll(t => t.IsCompleted);
        if (inFlight.Count > 0)
        {
            LogDraining(inFlight.Count);
        }

        // Each send catches its own failures, so this waits for all of them.
        await Task.WhenAll(inFlight);
    }

    private async Task SendAsync(Message message, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MessageDispatcher>().DispatchOneAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown: an unsent claim returns to the queue when its lease expires.
        }
        catch (Exception ex)
        {
            LogSendFailed(ex, message.Id);
        }
        finally
        {
            slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher stopping: waiting for {Count} sends to finish and their outcomes to be stored")]
    private partial void LogDraining(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatch round failed; retrying after the poll interval")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching message {MessageId} failed unexpectedly; it is retried or marked outcome unknown when its lease expires")]
    private partial void LogSendFailed(Exception exception, Guid messageId);
}
