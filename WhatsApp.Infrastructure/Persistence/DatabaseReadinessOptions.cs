namespace WhatsApp.Infrastructure.Persistence;

/// <summary>How often readiness may touch the database (section <c>Database</c>).</summary>
public sealed class DatabaseReadinessOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// How long one database check answers every readiness probe. <c>/health/ready</c> is anonymous and the check
    /// takes SQLite's write lock, so a flood of probes costs the writer at most one check per interval; a database
    /// that starts refusing writes is reported within it. <c>00:00:00</c> checks on every probe (concurrent probes
    /// still share one check).
    /// </summary>
    public TimeSpan ReadinessCacheDuration { get; set; } = TimeSpan.FromSeconds(2);
}
