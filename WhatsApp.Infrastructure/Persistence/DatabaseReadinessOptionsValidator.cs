using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Start-up check of <c>Database:ReadinessCacheDuration</c>.</summary>
internal sealed class DatabaseReadinessOptionsValidator : IValidateOptions<DatabaseReadinessOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseReadinessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ReadinessCacheDuration < TimeSpan.Zero
            ? ValidateOptionsResult.Fail("Database:ReadinessCacheDuration must be 00:00:00 or a positive duration.")
            : ValidateOptionsResult.Success;
    }
}
