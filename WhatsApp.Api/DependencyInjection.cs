using System.Text.Json;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using WhatsApp.Api.Auth;
using WhatsApp.Api.Errors;
using WhatsApp.Api.Features.History;
using WhatsApp.Api.Features.Inbox;
using WhatsApp.Api.Features.Messages;
using WhatsApp.Api.Features.PlivoWebhooks;
using WhatsApp.Api.OpenApi;
using WhatsApp.Api.Proxy;
using WhatsApp.Api.RateLimiting;
using WhatsApp.Api.Validation;
using WhatsApp.Infrastructure.Observability;

namespace WhatsApp.Api;

public static class DependencyInjection
{
    /// <summary>MVC with snake_case JSON, validation, problem details, API-key auth and the OpenAPI document.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var webhookPath = configuration["Plivo:WebhookPath"] ?? WebhookRouteConvention.DefaultPath;
        services.AddControllers(o =>
            {
                o.Conventions.Add(new WebhookRouteConvention(webhookPath));

                // Every action gets a body cap; an action may declare its own [RequestBodyLimit].
                o.Filters.Add(new RequestBodyLimitAttribute(RequestBodyLimitAttribute.DefaultMaxBytes));
                o.ModelMetadataDetailsProviders.Add(new ValidatedAsAWhole(typeof(SendMessageRequest)));
                // And a query parameter none of its parameters binds is a 400 naming it, as an unknown body field is.
                o.Filters.AddService<UnknownQueryParameterFilter>();
            })
            .AddJsonOptions(o => o.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
            .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = InvalidModelStateResponse.Create);
        services.AddSingleton<UnknownQueryParameterFilter>();
        services.AddSendMessageValidation();
        services.AddFluentValidationAutoValidation();

        services.AddPlivoWebhookSignatures();
        services.AddScoped<HistoryService>();
        services.AddSingleton<WhatsApp.Domain.Ports.IEventBodies, MessageEventBodies>();

        // Operators scrape /metrics (Prometheus text format): the gateway's own meter, HTTP and runtime.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(GatewayMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        // ASP.NET Core names its trace id extension by the HTTP JSON naming policy (trace_id once the OpenAPI
        // document needed snake_case there); the wire has always said traceId, as MVC's own problems still do.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.ProblemDetails.Extensions.Remove("trace_id", out var traceId))
            {
                c.ProblemDetails.Extensions["traceId"] = traceId;
            }
        });
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
        services.AddExceptionHandler<ExceptionToProblemHandler>();

        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<ApiKeyStore>();
        services.AddOptions<FailedAuthenticationOptions>().BindConfiguration(FailedAuthenticationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FailedAuthenticationOptions>, FailedAuthenticationOptionsValidator>();
        services.AddSingleton<FailedAuthenticationTracker>();
        services.AddSingleton<RecentAuthentications>();
        services.AddTrustedProxies();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddInbox(environment);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Send, p => p.RequireRole(Roles.Sender, Roles.Admin))
            .AddPolicy(Policies.ReadMessage, p => p.RequireRole(Roles.Sender, Roles.Agent, Roles.Admin))
            .AddPolicy(Policies.ReadHistory, p => p.RequireRole(Roles.Agent, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ReadMetrics, p => p.RequireRole(Roles.Agent, Roles.Admin))
            .AddPolicy(Policies.Inbox, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Agent, Roles.Admin))
            .AddPolicy(Policies.InboxAdmin, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Admin))

            // Anything without an explicit policy still needs a key, so a new controller cannot forget auth.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddApiKeyRateLimiting();

        // Endpoints outside MVC (health) never read a body; the server refuses any larger one as well.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            o => o.Limits.MaxRequestBodySize = RequestBodyLimitAttribute.DefaultMaxBytes);
        services.AddApiDocument();
        return services;
    }
}
