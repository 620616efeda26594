using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Provider-specific error codes, kept in one place so another database provider is one edit away.</summary>
internal static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        { } inner => inner.GetType().Name == "PostgresException"
            && inner.GetType().GetProperty("SqlState")?.GetValue(inner) as string == PostgresUniqueViolation,
        _ => false,
    };
}
