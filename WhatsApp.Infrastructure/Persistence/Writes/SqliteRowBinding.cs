using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// SQLite only: a row's values in the form <c>sqlite3_bind_*</c> takes them, for <see cref="SqliteRowStatements"/>.
/// Microsoft.Data.Sqlite converts and encodes every value on each run, on the single writer, and allocates a binder
/// per parameter; here it is done once, on the caller's thread (<see cref="RowInsert.Prepare"/>). Each value becomes
/// exactly what Microsoft.Data.Sqlite binds for the parameter EF Core types (its <c>SqliteValueBinder</c>): text as
/// UTF-8, a date as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, a GUID as upper-case text, a flag as 0 or 1. Columns of any
/// other type keep the Microsoft.Data.Sqlite path (<see cref="Supports"/>).
/// </summary>
internal static class SqliteRowBinding
{
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    /// <summary>Whether a column whose values reach the database as <paramref name="providerType"/> can be bound here.</summary>
    public static bool Supports(Type providerType) =>
        (Nullable.GetUnderlyingType(providerType) ?? providerType) is var type
        && (type == typeof(string) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(bool)
            || type == typeof(int) || type == typeof(long));

    /// <summary>A provider value (<see cref="DBNull"/> for null) as it will be bound: DBNull, a long or UTF-8 text.</summary>
    public static object Encode(object providerValue) => providerValue switch
    {
        DBNull => providerValue,
        string text => new Utf8Text(Encoding.UTF8.GetBytes(text)),
        DateTime date => new Utf8Text(Encoding.UTF8.GetBytes(date.ToString(DateTimeFormat, CultureInfo.InvariantCulture))),
        Guid guid => new Utf8Text(Encoding.UTF8.GetBytes(guid.ToString().ToUpperInvariant())),
        bool flag => flag ? 1L : 0L,
        int number => (long)number,
        long number => number,
        _ => throw new NotSupportedException($"SQLite binding of {providerValue.GetType().Name} is not supported here."),
    };

    public static void Bind(sqlite3 db, sqlite3_stmt statement, int index, object encoded)
    {
        var rc = encoded switch
        {
            Utf8Text text => raw.sqlite3_bind_text(statement, index, text.Bytes),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            DBNull => raw.sqlite3_bind_null(statement, index),
            _ => throw new ArgumentException($"{encoded.GetType().Name} was not encoded for SQLite.", nameof(encoded)),
        };
        SqliteException.ThrowExceptionForRC(rc, db);
    }

    /// <summary>Text already encoded, told apart from a BLOB (a <c>byte[]</c>), which is not bound here.</summary>
    private sealed record Utf8Text(byte[] Bytes);
}
