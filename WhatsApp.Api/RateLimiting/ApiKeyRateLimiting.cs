using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace WhatsApp.Api.RateLimiting;

/// <summary>
/// One token bucket per authenticated API key, keyed by the key's configured name (never the secret), so one busy
/// client cannot starve the others. Anonymous requests are not limited here: they are either refused by
/// authorization or reach endpoints that allow anonymous callers (health, signed webhooks). A rejected request is a
/// 429 problem with <c>Retry-After</c>. Run it after authentication, so the caller is known.
/// </summary>
public static partial class ApiKeyRateLimiting
{
    public static IServiceCollection AddApiKeyRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>();
        // A singleton, so that the container disposes it with the host: the middleware never does, and each limiter
        // left behind keeps a timer firing ten times a second (a test run starts a hundred hosts).
        services.AddSingleton(_ => PartitionedRateLimiter.Create<HttpContext, string>(Partition));
        services.AddOptions<RateLimiterOptions>()
            .Configure<PartitionedRateLimiter<HttpContext>>((o, limiter) => o.GlobalLimiter = limiter);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        var client = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
        if (!options.Enabled || client is null || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = options.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        LogRejected(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiKeyRateLimiting)), http.User.Identity?.Name);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This API key sent more requests than its rate limit allows. Retry after {seconds} s.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rate limit exceeded by API key {KeyName}")]
    private static partial void LogRejected(ILogger logger, string? keyName);
}
