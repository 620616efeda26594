using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Tests.Integration.Persistence.QueryPlans;

/// <summary>The SQL and parameters of every query run through its contexts, to be explained afterwards.</summary>
internal sealed class CommandRecorder(TestDatabase database) : DbCommandInterceptor, IDbContextFactory<WhatsAppDbContext>
{
    public List<RecordedCommand> Commands { get; } = [];

    public WhatsAppDbContext CreateDbContext()
    {
        using var plain = database.CreateDbContext();
        var connection = plain.Database.GetConnectionString();
        return plain.Database.IsNpgsql()
            ? new PostgresWhatsAppDbContext(new DbContextOptionsBuilder<PostgresWhatsAppDbContext>().UseNpgsql(connection).AddInterceptors(this).Options)
            : new SqliteWhatsAppDbContext(new DbContextOptionsBuilder<SqliteWhatsAppDbContext>().UseSqlite(connection).AddInterceptors(this).Options);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        // Npgsql's parameters carry their PostgreSQL type (a uuid[] for a Contains); a clone keeps it.
        Commands.Add(new RecordedCommand(
            command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => p is ICloneable c ? (DbParameter)c.Clone() : p).ToList()));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
