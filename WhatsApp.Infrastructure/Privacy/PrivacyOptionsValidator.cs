using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure.Privacy;

/// <summary>Start-up check of <c>Privacy:RetentionDays</c>.</summary>
internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.RetentionDays < 0
            ? ValidateOptionsResult.Fail("Privacy:RetentionDays must be 0 (keep content forever) or a positive number of days.")
            : ValidateOptionsResult.Success;
    }
}
