using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>Start-up checks of <c>Dispatch</c>; every message names the key to fix.</summary>
internal sealed class DispatchOptionsValidator : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PerSenderRatePerSecond < 1)
        {
            failures.Add("Dispatch:PerSenderRatePerSecond must be at least 1.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add("Dispatch:MaxAttempts must be at least 1.");
        }

        if (options.MaxConcurrency < 1 || options.BatchSize < 1)
        {
            failures.Add("Dispatch:MaxConcurrency and Dispatch:BatchSize must be at least 1.");
        }

        // A lease that ends before the attempt does lets another dispatcher send the same message again.
        if (options.LeaseDuration <= options.AttemptTimeout)
        {
            failures.Add("Dispatch:LeaseDuration must be longer than Dispatch:AttemptTimeout.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
