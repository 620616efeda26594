using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Checks of the <c>Database</c> section, run when <see cref="DatabaseOptions.Read"/> reads it.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is required when {DatabaseOptions.SectionName}:Provider is Postgres.")
            : ValidateOptionsResult.Success;
    }
}
