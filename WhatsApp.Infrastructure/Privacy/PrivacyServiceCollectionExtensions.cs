using Microsoft.Extensions.DependencyInjection;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Infrastructure.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Content erasure (<see cref="IContentEraser"/>) and the retention job configured by <see cref="PrivacyOptions"/>.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName)
            .Validate(o => o.RetentionDays >= 0, "Privacy:RetentionDays must be 0 (keep content forever) or a positive number of days.")
            .ValidateOnStart();
        services.AddSingleton<IContentEraser, ContentEraser>();
        services.AddHostedService<ContentRetentionWorker>();
        return services;
    }
}
