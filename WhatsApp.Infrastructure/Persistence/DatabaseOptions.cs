using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>The <c>Database</c> section; the connection string itself is <c>ConnectionStrings:WhatsApp</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "WhatsApp";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Reads and checks the section while services are registered, since the provider decides which services exist.
    /// A bad value stops start-up with a message naming the key.
    /// </summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[$"{SectionName}:{nameof(Provider)}"];
        var parsed = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(provider)
            && (!Enum.TryParse(provider, ignoreCase: true, out parsed) || !Enum.IsDefined(parsed)))
        {
            throw Invalid($"{SectionName}:{nameof(Provider)} must be 'Sqlite' or 'Postgres' (was '{provider}').");
        }

        if (parsed == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)))
        {
            throw Invalid($"ConnectionStrings:{ConnectionStringName} is required when {SectionName}:{nameof(Provider)} is Postgres.");
        }

        return new DatabaseOptions { Provider = parsed };
    }

    private static OptionsValidationException Invalid(string message) =>
        new(Options.DefaultName, typeof(DatabaseOptions), [message]);
}
