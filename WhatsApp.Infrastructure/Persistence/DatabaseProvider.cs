namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Which database the service stores everything in.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: one or several instances sharing it.</summary>
    Postgres,
}
