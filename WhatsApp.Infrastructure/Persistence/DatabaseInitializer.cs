using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Applies the provider's migrations at start-up. SQLite is switched to WAL so readers never block the writer.
/// On PostgreSQL, instances starting together migrate one after another under an advisory lock: the others then find
/// nothing left to apply.
/// </summary>
public static partial class DatabaseInitializer
{
    // Any constant the application uses for nothing else; the lock lasts as long as the migrating connection holds it.
    private const string PostgresLock = "SELECT pg_advisory_lock(4155552671)";
    private const string PostgresUnlock = "SELECT pg_advisory_unlock(4155552671)";

    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WhatsAppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await db.Database.MigrateAsync(ct);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync(PostgresLock, ct);
                try
                {
                    await db.Database.MigrateAsync(ct);
                }
                finally
                {
                    await db.Database.ExecuteSqlRawAsync(PostgresUnlock, CancellationToken.None);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        LogMigrated(logger, db.Database.ProviderName ?? "unknown");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}), migrations applied")]
    private static partial void LogMigrated(ILogger logger, string provider);
}
