using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>
/// Per-sender pacing for several instances on one PostgreSQL database, with the same two limits as
/// <see cref="SenderPacer"/>, kept in the database so that they hold for the sum of all instances.
/// Reservations: one upsert on the sender's <c>SenderPacing</c> row spaces them 1.04 s / limit apart, about 96% of
/// the limit. The send gate: as many <c>SenderPermits</c> slots as the limit, each held from entry until 1.005 s
/// after the answer, so no one-second window at the provider holds more than the limit, whatever the jitter between
/// the gate and the wire. The gate lets through limit / (1.005 s + the provider's latency) a second, a little above
/// the reservations while Plivo answers within about 35 ms; slower answers make the gate the bottleneck and messages
/// wait there, still queued, at most as many as the dispatchers run at once. All times are the database's clock, so
/// instances whose clocks disagree still agree on the pace.
/// </summary>
internal sealed partial class SharedSenderPacer(
    IDbContextFactory<WhatsAppDbContext> contexts,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<SharedSenderPacer> logger) : ISenderPacer
{
    private static readonly TimeSpan ReservationWindow = TimeSpan.FromMilliseconds(1040);

    // As SenderPacer: a few milliseconds beyond the second, for the provider's clock and ours.
    private static readonly TimeSpan HeldAfterAnswer = TimeSpan.FromMilliseconds(1005);

    // Beyond the attempt timeout: marking the message as sending (a database write) comes before the request starts.
    private static readonly TimeSpan HoldMargin = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(2);

    // One waiter per sender polls the database from each instance; the others queue here behind it.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _queues = new(StringComparer.Ordinal);

    /// <summary>
    /// How long a permit stays held if it is never released (its instance died): the longest a request may still reach
    /// the provider after the gate.
    /// </summary>
    public TimeSpan HeldAtMost => options.Value.AttemptTimeout + HoldMargin;

    public async ValueTask WaitAsync(string sender, CancellationToken ct)
    {
        var seconds = 0d;
        await RunAsync(PacingSql.ReserveSenderSlot, command =>
        {
            command.Parameters.AddWithValue("sender", sender);
            command.Parameters.AddWithValue("interval", ReservationWindow / Limit());
        }, async reader => seconds = await reader.ReadAsync(ct) ? reader.GetDouble(0) : 0, ct);

        if (seconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), time, ct);
        }
    }

    public async ValueTask<IDisposable> EnterSendAsync(string sender, CancellationToken ct)
    {
        var holder = Guid.CreateVersion7();
        var queue = _queues.GetOrAdd(sender, _ => new SemaphoreSlim(1, 1));
        var queued = false;
        try
        {
            // Straight to the database unless others of this instance are already waiting: first come, first served.
            if (queue.CurrentCount == 0)
            {
                await queue.WaitAsync(ct);
                queued = true;
            }

            while (true)
            {
                var (slot, wait) = await TryTakeAsync(sender, holder, ct);
                if (slot is { } taken)
                {
                    return new Permit(this, sender, taken, holder);
                }

                if (!queued)
                {
                    await queue.WaitAsync(ct);
                    queued = true;
                    continue;
                }

                // Until the first held permit expires; a permit released from now on expires 1.005 s from now at the soonest.
                await Task.Delay(wait < MinPoll ? MinPoll : wait > HeldAfterAnswer ? HeldAfterAnswer : wait, time, ct);
            }
        }
        finally
        {
            if (queued)
            {
                queue.Release();
            }
        }
    }

    private int Limit() => Math.Max(1, (int)Math.Floor(options.Value.PerSenderRatePerSecond));

    private async Task<(int? Slot, TimeSpan Wait)> TryTakeAsync(string sender, Guid holder, CancellationToken ct)
    {
        (int?, TimeSpan) result = (null, MinPoll);
        await RunAsync(PacingSql.TakeSendPermit, command =>
        {
            command.Parameters.AddWithValue("sender", sender);
            command.Parameters.AddWithValue("holder", holder);
            command.Parameters.AddWithValue("limit", Limit());
            command.Parameters.AddWithValue("held_at_most", HeldAtMost);
        }, async reader =>
        {
            if (await reader.ReadAsync(ct))
            {
                result = (await reader.IsDBNullAsync(0, ct) ? null : reader.GetInt32(0),
                    await reader.IsDBNullAsync(1, ct) ? MinPoll : TimeSpan.FromSeconds(reader.GetDouble(1)));
            }
        }, ct);
        return result;
    }

    // A permit whose release fails stays held until HeldAtMost: the pace errs towards slower, never faster.
    private async Task ReleaseAsync(string sender, int slot, Guid holder)
    {
        try
        {
            await RunAsync(PacingSql.ReleaseSendPermit, command =>
            {
                command.Parameters.AddWithValue("sender", sender);
                command.Parameters.AddWithValue("slot", slot);
                command.Parameters.AddWithValue("holder", holder);
                command.Parameters.AddWithValue("held_after", HeldAfterAnswer);
            }, _ => Task.CompletedTask, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogReleaseFailed(ex, slot, HeldAtMost.TotalSeconds);
        }
    }

    // Each statement on a pooled connection of its own, outside the write queue's batches, which would hold the
    // rows' locks until they commit.
    private async Task RunAsync(string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, Task> read, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await read(reader);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not release send permit {Slot}; it frees itself within {Seconds} s")]
    private partial void LogReleaseFailed(Exception exception, int slot, double seconds);

    private sealed class Permit(SharedSenderPacer pacer, string sender, int slot, Guid holder) : IDisposable
    {
        private int _disposed;

        // The dispatcher disposes synchronously once the answer is in; the release needs no waiting for.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _ = pacer.ReleaseAsync(sender, slot, holder);
            }
        }
    }
}
