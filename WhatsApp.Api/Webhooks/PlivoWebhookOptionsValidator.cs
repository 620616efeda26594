using Microsoft.Extensions.Options;
using WhatsApp.Infrastructure.Plivo.Signatures;

namespace WhatsApp.Api.Webhooks;

/// <summary>Start-up checks of <c>Plivo:Webhooks</c>: unsigned webhooks are never accepted outside Development.</summary>
internal sealed class PlivoWebhookOptionsValidator(IHostEnvironment environment) : IValidateOptions<PlivoWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, PlivoWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.ValidateSignatures && !environment.IsDevelopment())
        {
            failures.Add(
                $"Plivo:Webhooks:ValidateSignatures is false, which is allowed only in Development (the environment is '{environment.EnvironmentName}'). Remove the setting or set it to true.");
        }

        if (options.NonceReplayWindow <= TimeSpan.Zero)
        {
            failures.Add("Plivo:Webhooks:NonceReplayWindow must be a positive duration such as 00:15:00.");
        }

        for (var i = 0; i < options.AdditionalAuthTokens.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.AdditionalAuthTokens[i]))
            {
                failures.Add($"Plivo:Webhooks:AdditionalAuthTokens:{i} is empty.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
