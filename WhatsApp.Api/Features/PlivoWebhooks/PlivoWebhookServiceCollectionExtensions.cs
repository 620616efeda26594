using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WhatsApp.Api.Features.PlivoWebhooks;

public static class PlivoWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the filter behind <see cref="ValidatePlivoSignatureAttribute"/>. Needs <c>PlivoOptions</c> bound and
    /// <c>AddPlivoWebhookOptions()</c> (AddInfrastructure does both), and <c>AddProblemDetails()</c>.
    /// </summary>
    public static IServiceCollection AddPlivoWebhookSignatures(this IServiceCollection services)
    {
        services.TryAddScoped<PlivoSignatureFilter>();
        services.AddHostedService<PlivoWebhookStartupLog>();
        return services;
    }
}
