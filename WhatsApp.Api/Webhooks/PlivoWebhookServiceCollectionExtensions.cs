using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WhatsApp.Infrastructure.Plivo.Signatures;

namespace WhatsApp.Api.Webhooks;

public static class PlivoWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Plivo:Webhooks</c> at start-up and registers the filter behind
    /// <see cref="ValidatePlivoSignatureAttribute"/>. Needs <c>PlivoOptions</c> bound (AddInfrastructure does) and
    /// <c>AddProblemDetails()</c>.
    /// </summary>
    public static IServiceCollection AddPlivoWebhookSignatures(this IServiceCollection services)
    {
        services.AddOptions<PlivoWebhookOptions>().BindConfiguration(PlivoWebhookOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlivoWebhookOptions>, PlivoWebhookOptionsValidator>());
        services.TryAddScoped<PlivoSignatureFilter>();
        services.AddHostedService<PlivoWebhookStartupLog>();
        return services;
    }
}
