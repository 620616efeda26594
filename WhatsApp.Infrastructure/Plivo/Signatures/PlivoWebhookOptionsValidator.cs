using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure.Plivo.Signatures;

/// <summary>
/// Start-up checks of <c>Plivo:Webhooks</c>: unsigned webhooks are never accepted outside Development, and in
/// Production a webhook that could be verified (some auth token is configured, whichever the provider) needs
/// <c>Plivo:PublicBaseUrl</c>, since the signed URL is never taken from the request's Host header there.
/// </summary>
internal sealed class PlivoWebhookOptionsValidator(IHostEnvironment environment, IOptions<PlivoOptions> plivo) : IValidateOptions<PlivoWebhookOptions>
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

        if (options.ValidateSignatures && environment.IsProduction() && PlivoOrNull() is { PublicBaseUrl: null } account
            && PlivoWebhookOptions.AuthTokensToTry(account, options).Count > 0)
        {
            failures.Add(
                "Plivo:PublicBaseUrl (or PLIVO_PUBLIC_BASE_URL in docker-compose) is required in Production: webhook signatures cover the URL Plivo called, which must not be taken from the request's Host header. Set it to the public address Plivo calls, such as https://wa.example.com.");
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

    // An invalid Plivo section stops start-up with its own messages; this check then has nothing to add.
    private PlivoOptions? PlivoOrNull()
    {
        try
        {
            return plivo.Value;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
