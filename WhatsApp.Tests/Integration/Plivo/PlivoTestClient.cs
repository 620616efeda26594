using Microsoft.Extensions.DependencyInjection;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Plivo;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Integration.Plivo;

/// <summary>
/// The Plivo provider as production wires it (<see cref="PlivoHttpClientRegistration.AddPlivoMessaging"/>, with its
/// circuit breaker and timeout), pointed at a given base URL. One instance per test keeps circuit state apart.
/// </summary>
public sealed class PlivoTestClient : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PlivoTestClient(ServiceProvider services) => _services = services;

    public static PlivoTestClient Create(
        Uri baseUrl,
        Action<PlivoOptions>? configurePlivo = null,
        Action<DispatchOptions>? configureDispatch = null,
        TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.Configure<PlivoOptions>(options =>
        {
            options.BaseUrl = baseUrl;
            options.AuthId = FakePlivoServer.DefaultAuthId;
            options.AuthToken = FakePlivoServer.DefaultAuthToken;
            configurePlivo?.Invoke(options);
        });
        services.Configure<DispatchOptions>(options =>
        {
            options.AttemptTimeout = TimeSpan.FromSeconds(2);
            configureDispatch?.Invoke(options);
        });
        services.AddPlivoMessaging();
        return new PlivoTestClient(services.BuildServiceProvider());
    }

    public static PlivoTestClient Create(FakePlivoServer server, Action<PlivoOptions>? configurePlivo = null, Action<DispatchOptions>? configureDispatch = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        return Create(server.BaseUrl, configurePlivo, configureDispatch);
    }

    public PlivoMessagingProvider Provider => _services.GetRequiredService<PlivoMessagingProvider>();

    public Task<SendResult> SendAsync(Message message, CancellationToken ct = default) => Provider.SendAsync(message, ct);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
