using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Provider-specific error codes, kept in one place.</summary>
internal static class DatabaseErrors
{
    private const int SqliteConstraint = 19;

    /// <summary>
    /// Another writer got there first, and the same work run again normally succeeds: a unique key it committed (the
    /// rerun sees its row), a row the work found missing that it created (<see cref="Writes.ConcurrentWriteException"/>),
    /// or PostgreSQL giving up on a statement because of another transaction (a deadlock, a serialization failure).
    /// </summary>
    public static bool IsConflictWithAnotherWriter(Exception exception) =>
        exception is Writes.ConcurrentWriteException
        || exception is DbUpdateException { InnerException: SqliteException { SqliteErrorCode: SqliteConstraint } }
        || (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState
            is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;
}
