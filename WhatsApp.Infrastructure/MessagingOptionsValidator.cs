using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure;

/// <summary>
/// Start-up checks of <c>Messaging</c>. A misspelt provider stops the service rather than quietly choosing Plivo,
/// which is what <see cref="ProviderSelection"/> makes of any value but the simulator's.
/// </summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var provider = options.Provider;
        if (!string.IsNullOrWhiteSpace(provider)
            && !provider.Equals(ProviderSelection.Plivo, StringComparison.OrdinalIgnoreCase)
            && !provider.Equals(ProviderSelection.Simulator, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Messaging:Provider must be 'Plivo' or 'Simulator', or empty to choose by the Plivo credentials (was '{provider}').");
        }

        // The binder accepts any number for an enum.
        if (!Enum.IsDefined(options.CustomerServiceWindow))
        {
            failures.Add("Messaging:CustomerServiceWindow must be 'Enforce', 'Warn' or 'Off'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
