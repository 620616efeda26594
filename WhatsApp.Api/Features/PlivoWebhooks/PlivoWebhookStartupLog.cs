using Microsoft.Extensions.Options;
using WhatsApp.Infrastructure.Plivo;
using WhatsApp.Infrastructure.Plivo.Signatures;

namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>Warns once at start-up when webhooks will not be authenticated, or cannot be.</summary>
internal sealed partial class PlivoWebhookStartupLog(
    IOptions<PlivoOptions> plivo,
    IOptions<PlivoWebhookOptions> webhooks,
    IHostEnvironment environment,
    ILogger<PlivoWebhookStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = webhooks.Value;
        if (!options.ValidateSignatures && environment.IsDevelopment())
        {
            LogValidationOff();
        }
        else if (PlivoWebhookOptions.AuthTokensToTry(plivo.Value, options).Count == 0)
        {
            LogNoToken();
        }

        if (plivo.Value.PublicBaseUrl is null && !environment.IsDevelopment())
        {
            LogNoPublicBaseUrl();
        }

        if (options.AllowV2Signatures)
        {
            LogV2Allowed();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Plivo webhook signature validation is OFF (Plivo:Webhooks:ValidateSignatures=false). Anyone can post fake webhooks. This is allowed in Development only.")]
    private partial void LogValidationOff();

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "No Plivo auth token is configured (Plivo:AuthToken, Plivo:Webhooks:AdditionalAuthTokens): every Plivo webhook will be rejected with 403.")]
    private partial void LogNoToken();

    [LoggerMessage(EventId = 5113, Level = LogLevel.Warning, Message = "Plivo:PublicBaseUrl is not configured: every Plivo webhook will be rejected with 403 (outside Development the signed URL is never taken from the Host header).")]
    private partial void LogNoPublicBaseUrl();

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Plivo:Webhooks:AllowV2Signatures is on: webhooks signed only with V2 are accepted, and V2 does not cover the parameters.")]
    private partial void LogV2Allowed();
}
