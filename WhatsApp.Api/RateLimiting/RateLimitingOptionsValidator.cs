using Microsoft.Extensions.Options;

namespace WhatsApp.Api.RateLimiting;

/// <summary>Start-up checks of <c>RateLimiting</c>; every message names the key to fix.</summary>
internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PermitsPerSecond < 0)
        {
            return ValidateOptionsResult.Fail(
                $"{RateLimitingOptions.SectionName}:PermitsPerSecond must be 0 (no limit) or a positive number of requests per second per API key.");
        }

        if (options.Enabled && options.Burst < options.PermitsPerSecond)
        {
            return ValidateOptionsResult.Fail(
                $"{RateLimitingOptions.SectionName}:Burst ({options.Burst}) must be at least {RateLimitingOptions.SectionName}:PermitsPerSecond ({options.PermitsPerSecond}).");
        }

        return ValidateOptionsResult.Success;
    }
}
