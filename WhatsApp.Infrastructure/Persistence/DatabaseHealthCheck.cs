using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Ready when the database answers, every migration is applied and it would take a write. Reads alone are not
/// enough: a locked or read-only SQLite file (or a PostgreSQL standby) still answers queries while every send and
/// webhook fails.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<WhatsAppDbContext> contexts) : IHealthCheck
{
    /// <summary>How long the probe waits for the write lock; the write queue holds it for milliseconds at a time.</summary>
    private const int WriteProbeTimeoutSeconds = 3;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            if (pending > 0)
            {
                return HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
            }

            return await CanWriteAsync(db, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not accept writes (locked or read-only).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
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
