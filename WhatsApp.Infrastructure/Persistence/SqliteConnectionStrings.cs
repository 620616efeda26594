using Microsoft.Data.Sqlite;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Resolves the SQLite file against the content root, so <c>dotnet run</c> works from any directory.</summary>
public static class SqliteConnectionStrings
{
    public const string Default = "Data Source=data/whatsapp.db";

    public static string Resolve(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? Default : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        var directory = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Pooled connections keep the WAL file open; readers then never pay for reopening it.
        builder.Pooling = true;
        return builder.ToString();
    }
}
