using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using WhatsApp.Infrastructure.Dispatch;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>Registers the Plivo typed HttpClient with a resilience pipeline suited to a non-idempotent POST.</summary>
public static class PlivoHttpClientRegistration
{
    public const string ResilienceHandlerName = "plivo";

    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers <see cref="PlivoMessagingProvider"/> as a typed client: a circuit breaker around a per-attempt timeout,
    /// and deliberately no retry (a retried POST can send a WhatsApp message twice; the outbox retries only when
    /// Plivo certainly did not take the message).
    /// </summary>
    /// <remarks>
    /// Does not bind options and does not register <c>IMessagingProvider</c>: bind <see cref="PlivoOptions"/> and
    /// <see cref="DispatchOptions"/> elsewhere (they are read when the first client is created), then map
    /// <c>IMessagingProvider</c> to <see cref="PlivoMessagingProvider"/> when Plivo is the chosen provider.
    /// Registers <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered, and
    /// <see cref="PlivoCircuit"/>, which tracks and logs the breaker's state.
    /// </remarks>
    public static IHttpClientBuilder AddPlivoMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlivoCircuit>();

        // The Polly timeout governs each attempt; HttpClient's own timeout would throw an ambiguous cancellation.
        var builder = services.AddHttpClient<PlivoMessagingProvider>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)

            // The factory's request logging opens a scope and writes twice per send; the adapter logs what matters
            // (failures, with the message id and never the body), and at the dispatch rate the rest was measurable.
            .RemoveAllLoggers();

        builder.AddResilienceHandler(ResilienceHandlerName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<DispatchOptions>>().Value;
            var circuit = context.ServiceProvider.GetRequiredService<PlivoCircuit>();
            pipeline
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = options.CircuitFailureRatio,
                    MinimumThroughput = options.CircuitMinimumThroughput,
                    SamplingDuration = options.CircuitSamplingDuration,
                    BreakDuration = options.CircuitBreakDuration,
                    ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
                    OnOpened = args =>
                    {
                        circuit.Opened(args.BreakDuration);
                        return ValueTask.CompletedTask;
                    },
                    OnHalfOpened = _ =>
                    {
                        circuit.HalfOpened();
                        return ValueTask.CompletedTask;
                    },
                    OnClosed = _ =>
                    {
                        circuit.Closed();
                        return ValueTask.CompletedTask;
                    },
                })
                .AddTimeout(options.AttemptTimeout);
        });
        return builder;
    }

    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && IsFailureStatus(response.StatusCode));

    private static bool IsFailureStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    // Connection lifetime (instead of handler rotation) picks up DNS changes; the connect timeout stays well below
    // the attempt timeout so that an unreachable Plivo is reported as "not sent" rather than "outcome unknown".
    private static SocketsHttpHandler CreatePrimaryHandler(IServiceProvider services)
    {
        var attemptTimeout = services.GetRequiredService<IOptions<DispatchOptions>>().Value.AttemptTimeout;
        var connectTimeout = attemptTimeout / 2 < MaxConnectTimeout ? attemptTimeout / 2 : MaxConnectTimeout;
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 64,
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = PlivoConnector.WithTimeout(connectTimeout),
        };
    }
}
