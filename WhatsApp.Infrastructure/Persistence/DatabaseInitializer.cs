using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// Applies the provider's migrations at start-up and switches SQLite to WAL so readers never block the writer.
/// Several instances starting at once on PostgreSQL are fine: EF Core takes a lock around migrating.
/// </summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WhatsAppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        await db.Database.MigrateAsync(ct);
        LogMigrated(logger, db.Database.ProviderName ?? "unknown");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}), migrations applied")]
    private static partial void LogMigrated(ILogger logger, string provider);
}
