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

    /// <summary><c>ConnectionStrings:WhatsApp</c>; SQLite falls back to a file beside the app.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// Reads the section and checks it with <see cref="DatabaseOptionsValidator"/> while services are registered,
    /// not on start like the other options: the provider decides which services exist. A bad value stops start-up
    /// with a message naming the key.
    /// </summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[$"{SectionName}:{nameof(Provider)}"];
        var parsed = DatabaseProvider.Sqlite;

        // The binder's own error for an unknown enum name is not an options failure and does not say what is allowed.
        if (!string.IsNullOrWhiteSpace(provider)
            && (!Enum.TryParse(provider, ignoreCase: true, out parsed) || !Enum.IsDefined(parsed)))
        {
            throw Invalid([$"{SectionName}:{nameof(Provider)} must be 'Sqlite' or 'Postgres' (was '{provider}')."]);
        }

        var options = new DatabaseOptions { Provider = parsed, ConnectionString = configuration.GetConnectionString(ConnectionStringName) };
        var result = new DatabaseOptionsValidator().Validate(Options.DefaultName, options);
        return result.Failed ? throw Invalid(result.Failures) : options;
    }

    private static OptionsValidationException Invalid(IEnumerable<string> failures) =>
        new(Options.DefaultName, typeof(DatabaseOptions), failures);
}
