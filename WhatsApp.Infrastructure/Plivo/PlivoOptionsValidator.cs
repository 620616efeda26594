using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Contacts;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>
/// Checked at start-up. A half-filled Plivo section always stops the service; in Production a missing one does too,
/// unless the simulator was chosen explicitly. Messages name the configuration key to fix.
/// </summary>
internal sealed class PlivoOptionsValidator(IHostEnvironment environment, IOptions<MessagingOptions> messaging)
    : IValidateOptions<PlivoOptions>
{
    public ValidateOptionsResult Validate(string? name, PlivoOptions options)
    {
        var failures = new List<string>();
        var chosen = MessagingOrNull();
        var usesPlivo = chosen is not null && ProviderSelection.Resolve(chosen, options) == ProviderSelection.Plivo;
        var halfFilled = string.IsNullOrWhiteSpace(options.AuthId) != string.IsNullOrWhiteSpace(options.AuthToken);
        if (usesPlivo || halfFilled || (chosen is not null && environment.IsProduction() && string.IsNullOrWhiteSpace(chosen.Provider)))
        {
            RequireKey(failures, options.AuthId, "Plivo:AuthId (or PLIVO_AUTH_ID)");
            RequireKey(failures, options.AuthToken, "Plivo:AuthToken (or PLIVO_AUTH_TOKEN)");
            if (string.IsNullOrWhiteSpace(options.DefaultSender) && options.Senders.Count == 0)
            {
                failures.Add("Plivo:DefaultSender (or PLIVO_WHATSAPP_SENDER_NUMBER) or Plivo:Senders is required to send through Plivo.");
            }
        }

        for (var i = 0; i < options.Senders.Count; i++)
        {
            RequireE164(failures, options.Senders[i], $"Plivo:Senders:{i}");
        }

        if (options.DefaultSender is not null)
        {
            RequireE164(failures, options.DefaultSender, "Plivo:DefaultSender (or PLIVO_WHATSAPP_SENDER_NUMBER)");
        }

        if (!options.BaseUrl.IsAbsoluteUri)
        {
            failures.Add("Plivo:BaseUrl must be an absolute URL.");
        }

        if (options.PublicBaseUrl is { IsAbsoluteUri: false })
        {
            failures.Add("Plivo:PublicBaseUrl must be an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // An invalid Messaging section stops start-up with its own messages; with the provider unknown, only this
    // section's own shape is checked.
    private MessagingOptions? MessagingOrNull()
    {
        try
        {
            return messaging.Value;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }

    private static void RequireKey(List<string> failures, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required to send through Plivo.");
        }
    }

    // The value is not echoed: a stray newline or zero-width character in it would not show in the message anyway.
    private static void RequireE164(List<string> failures, string value, string key)
    {
        if (!PhoneNumber.IsE164(value))
        {
            failures.Add($"{key} is not an E.164 number such as +14155552671 ('+' and 8 to 15 ASCII digits, nothing before or after).");
        }
    }
}
