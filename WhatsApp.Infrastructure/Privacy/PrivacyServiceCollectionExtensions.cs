using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;

namespace WhatsApp.Infrastructure.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Content erasure (<see cref="ContentErasure"/>) and the retention job configured by <see cref="PrivacyOptions"/>.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddSingleton<IErasureObserver, ErasureObserver>();
        services.AddSingleton<ContentErasure>();
        services.AddHostedService<ContentRetentionWorker>();
        return services;
    }
}
