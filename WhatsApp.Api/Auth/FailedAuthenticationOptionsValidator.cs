using Microsoft.Extensions.Options;

namespace WhatsApp.Api.Auth;

/// <summary>Start-up checks of <c>Auth:FailedAttempts</c>; every message names the key to fix.</summary>
internal sealed class FailedAuthenticationOptionsValidator : IValidateOptions<FailedAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, FailedAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = FailedAuthenticationOptions.SectionName;
        var failures = new List<string>();
        if (options.Limit < 0)
        {
            failures.Add($"{section}:Limit must be 0 (no throttling) or a positive number of invalid keys per window.");
        }

        if (options.Enabled && options.Window <= TimeSpan.Zero)
        {
            failures.Add($"{section}:Window must be a positive duration such as 00:01:00.");
        }

        if (options.Enabled && options.MaxTrackedAddresses < 1)
        {
            failures.Add($"{section}:MaxTrackedAddresses must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
