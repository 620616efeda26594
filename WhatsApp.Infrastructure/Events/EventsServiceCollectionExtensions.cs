using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// Events to the business's systems: the endpoints' use cases, the signed sender and the delivery worker
    /// (<see cref="EventsOptions"/>). The host registers how an event's body is rendered (<see cref="IEventBodies"/>).
    /// </summary>
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>();
        services.AddSingleton(sp => ToPolicy(sp.GetRequiredService<IOptions<EventsOptions>>().Value));
        services.AddSingleton<EventFanOut>();
        services.AddSingleton<EventDeliveries>();
        services.AddSingleton<WebhookEndpoints>();
        services.AddSingleton<IEventSender, EventSender>();
        services.AddSingleton<IEventQueries, EventQueries>();
        services.AddSingleton<IEventObserver, EventObserver>();
        services.AddHttpClient(EventSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<EventsOptions>>().Value.AllowPrivateNetworks;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),

                    // The address is checked when the connection is made, so DNS rebinding cannot get around it.
                    ConnectCallback = (context, ct) => PublicAddresses.ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
                };
            })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHostedService<EventFanOutWorker>();
        services.AddHostedService<EventDeliveryWorker>();
        services.AddHostedService<EventPurgeWorker>();
        return services;
    }

    private static DeliveryPolicy ToPolicy(EventsOptions options) => new(
        options.RetrySchedule.Count == 0 ? DeliveryPolicy.SvixSchedule : [.. options.RetrySchedule],
        options.DisableAfter,
        options.SecretOverlap,
        options.Timeout + TimeSpan.FromSeconds(30))
    {
        KeepSucceeded = options.KeepSucceededDeliveries,
    };
}
