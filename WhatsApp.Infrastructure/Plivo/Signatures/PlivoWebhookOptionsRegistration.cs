using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure.Plivo.Signatures;

public static class PlivoWebhookOptionsRegistration
{
    /// <summary>
    /// Binds <c>Plivo:Webhooks</c> and validates it at start-up. Everything that uses it (the signature filter, the
    /// nonce store, the maintenance worker) reads these options, so all see the same, checked values. Needs
    /// <c>PlivoOptions</c> bound.
    /// </summary>
    public static IServiceCollection AddPlivoWebhookOptions(this IServiceCollection services)
    {
        services.AddOptions<PlivoWebhookOptions>().BindConfiguration(PlivoWebhookOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlivoWebhookOptions>, PlivoWebhookOptionsValidator>();
        return services;
    }
}
