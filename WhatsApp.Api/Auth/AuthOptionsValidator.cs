using Microsoft.Extensions.Options;

namespace WhatsApp.Api.Auth;

/// <summary>
/// Start-up checks of the API keys; Production refuses to start without one, anything but Development with a published
/// sample key, and every environment with two entries holding the same key. Messages name the entry, never the key.
/// </summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.ApiKeys.Count == 0 && environment.IsProduction())
        {
            failures.Add("Auth:ApiKeys is empty: configure at least one key (Auth:ApiKeys:0:Key, Auth:ApiKeys:0:Role, Auth:ApiKeys:0:Name).");
        }

        var firstEntryWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            if (key.Key.Length < AuthOptions.MinimumKeyLength)
            {
                failures.Add($"Auth:ApiKeys:{i}:Key must be at least {AuthOptions.MinimumKeyLength} characters.");
            }

            if (!Roles.All.Contains(key.Role))
            {
                failures.Add($"Auth:ApiKeys:{i}:Role must be one of {string.Join(", ", Roles.All)}.");
            }

            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"Auth:ApiKeys:{i}:Name is required.");
            }

            if (!environment.IsDevelopment() && SampleApiKeys.All.Contains(key.Key))
            {
                failures.Add($"Auth:ApiKeys:{i}:Key is one of the published sample keys (appsettings.Development.json), which are for Development only: configure a secret of your own.");
            }

            // Only one entry could ever match, so the other's name and role would be silently ignored.
            if (!firstEntryWithKey.TryAdd(key.Key, i))
            {
                failures.Add($"Auth:ApiKeys:{i}:Key is the same key as Auth:ApiKeys:{firstEntryWithKey[key.Key]}:Key: every entry needs a key of its own.");
            }
        }

        var duplicates = options.ApiKeys.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(duplicates.Select(n => $"Auth:ApiKeys: the name '{n}' is used by more than one key."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
