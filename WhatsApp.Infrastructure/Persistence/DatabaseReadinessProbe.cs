using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Ready when the database answers, every migration is applied and it would take a write. Reads alone are not
/// enough: a locked or read-only SQLite file (or a PostgreSQL standby) still answers queries while every send and
/// webhook fails. One check runs at a time and its result answers every probe for
/// <see cref="DatabaseReadinessOptions.ReadinessCacheDuration"/>, so probes cannot queue up behind the writer.
/// </summary>
internal sealed class DatabaseReadinessProbe(
    IDbContextFactory<WhatsAppDbContext> contexts, IOptions<DatabaseReadinessOptions> options, TimeProvider time)
{
    /// <summary>How long the probe waits for the write lock; the write queue holds it for milliseconds at a time.</summary>
    private const int WriteProbeTimeoutSeconds = 3;

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private Task<HealthCheckResult>? _check;
    private long _startedAt;

    public Task<HealthCheckResult> CheckAsync(CancellationToken ct)
    {
        Task<HealthCheckResult> check;
        lock (_lock)
        {
            if (_check is null || (_check.IsCompleted && time.GetElapsedTime(_startedAt) >= options.Value.ReadinessCacheDuration))
            {
                _startedAt = time.GetTimestamp();
                _check = RunAsync();
            }

            check = _check;
        }

        // The shared check is not tied to the first caller's request: a probe that gives up leaves it running for the others.
        return check.WaitAsync(ct);
    }

    private async Task<HealthCheckResult> RunAsync()
    {
        using var timeout = new CancellationTokenSource(CheckTimeout, time);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            if (!await db.Database.CanConnectAsync(timeout.Token))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).Count();
            if (pending > 0)
            {
                return HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
            }

            return await CanWriteAsync(db, timeout.Token)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not accept writes (locked or read-only).");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", ex);
        }
    }

    // Would a write go through? SQLite: take the write lock and give it back without changing anything, so a lock
    // held elsewhere or a read-only file fails here the way a real write would. PostgreSQL takes row locks, not a
    // database lock: ask whether the server is a read-only standby or the database is set read-only.
    private static async Task<bool> CanWriteAsync(WhatsAppDbContext db, CancellationToken ct)
    {
        db.Database.SetCommandTimeout(WriteProbeTimeoutSeconds);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsNpgsql())
            {
                return await db.Database.SqlQueryRaw<bool>(
                    "SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off' AS \"Value\"")
                    .SingleAsync(ct);
            }

            await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE;", ct);
            await db.Database.ExecuteSqlRawAsync("ROLLBACK;", ct);
            return true;
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
