using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Provider-specific error codes, kept in one place.</summary>
internal static class DatabaseErrors
{
    private const int SqliteConstraint = 19;

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Another writer got there first: a unique key it committed (the work run again sees its row), a row the work
    /// found missing that it created (<see cref="Writes.ConcurrentWriteException"/>), or a PostgreSQL conflict.
    /// </summary>
    public static bool IsConflictWithAnotherWriter(Exception exception) =>
        (exception is DbUpdateException update && IsUniqueViolation(update))
        || (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.UniqueViolation
        || exception is Writes.ConcurrentWriteException
        || IsConflictWithAnotherTransaction(exception);

    /// <summary>
    /// PostgreSQL gave up on this statement because of another transaction (a deadlock between two instances, or a
    /// serialization failure); the same statement run again normally succeeds. SQLite has one writer and never says so.
    /// </summary>
    public static bool IsConflictWithAnotherTransaction(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState
            is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;
}
