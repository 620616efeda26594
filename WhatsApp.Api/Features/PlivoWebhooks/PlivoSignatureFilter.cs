using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using WhatsApp.Infrastructure.Plivo;
using WhatsApp.Infrastructure.Plivo.Signatures;
using WhatsApp.Infrastructure.Privacy;

namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>
/// Lets a webhook through only with a valid Plivo signature, before model binding. A POST must be a form
/// (<c>application/x-www-form-urlencoded</c>, at most <see cref="MaxBodyBytes"/>); a GET carries its parameters in
/// the query. The URL checked is the one Plivo called (<see cref="WebhookUrlBuilder"/>), from <c>Plivo:PublicBaseUrl</c>;
/// only Development falls back to the request's own URL. Failures are problem details:
/// 403 for a bad or missing signature, 413, 415, 405 or 400 for a request that is not a Plivo webhook at all.
/// On success the request gets a <see cref="PlivoWebhookContext"/>.
/// </summary>
internal sealed class PlivoSignatureFilter(
    IOptionsMonitor<PlivoOptions> plivo,
    IOptionsMonitor<PlivoWebhookOptions> webhooks,
    IHostEnvironment environment,
    IProblemDetailsService problems,
    ILogger<PlivoSignatureFilter> logger) : IAsyncResourceFilter
{
    public const long MaxBodyBytes = 64 * 1024;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var request = http.Request;
        var (parameters, status, problem) = await PlivoWebhookRequestReader.ReadAsync(request, MaxBodyBytes, http.RequestAborted);
        if (parameters is null)
        {
            PlivoWebhookLog.Malformed(logger, request.Method, MaskedPath(request), status, problem);
            await RejectAsync(context, status, "Not a Plivo webhook", problem);
            return;
        }

        var options = webhooks.CurrentValue;
        var publicBaseUrl = plivo.CurrentValue.PublicBaseUrl;

        // The Host header is the caller's to choose: outside Development the URL comes from configuration or not at all.
        if (publicBaseUrl is null && !environment.IsDevelopment())
        {
            PlivoWebhookLog.NoPublicBaseUrl(logger, request.Method, MaskedPath(request));
            await RejectAsync(
                context, StatusCodes.Status403Forbidden, "Invalid Plivo signature", "The signature cannot be checked: Plivo:PublicBaseUrl is not configured.");
            return;
        }

        var signedUrl = WebhookUrlBuilder.Build(request, publicBaseUrl);

        // Outside Development the switch is ignored (and start-up refuses it): production always checks.
        if (!options.ValidateSignatures && environment.IsDevelopment())
        {
            PlivoWebhookLog.ValidationOff(logger, request.Method, MaskedPath(request));
            var nonce = request.Headers[PlivoSignatureHeaders.V3Nonce].ToString();
            http.SetPlivoWebhookContext(new PlivoWebhookContext(
                nonce.Length > 0 ? nonce : Guid.NewGuid().ToString(), PlivoWebhookContext.None, parameters, signedUrl));
            await next();
            return;
        }

        var tokens = PlivoWebhookOptions.AuthTokensToTry(plivo.CurrentValue, options);
        if (!PlivoRequestSignature.TryVerify(request, signedUrl, parameters, tokens, options.AllowV2Signatures, out var verified, out var failure))
        {
            var present = PlivoSignatureHeaders.All.Where(request.Headers.ContainsKey).DefaultIfEmpty("none");
            PlivoWebhookLog.Rejected(
                logger, request.Method, MaskedPath(request), failure, signedUrl.Split('?', 2)[0], string.Join(", ", present));
            await RejectAsync(
                context, StatusCodes.Status403Forbidden, "Invalid Plivo signature", "The request does not carry a valid Plivo signature.");
            return;
        }

        http.SetPlivoWebhookContext(verified);
        await next();
    }

    private static string MaskedPath(HttpRequest request) => ContactMask.MaskNumbersIn(request.Path.ToString());

    private async Task RejectAsync(ResourceExecutingContext context, int status, string title, string detail)
    {
        context.HttpContext.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
        context.Result = new EmptyResult();
    }
}
