namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>Typed access to the <see cref="PlivoWebhookContext"/> the signature filter stores on the request.</summary>
public static class PlivoWebhookHttpContextExtensions
{
    /// <summary>The verified webhook; throws if the action is not behind <see cref="ValidatePlivoSignatureAttribute"/>.</summary>
    public static PlivoWebhookContext GetPlivoWebhookContext(this HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Features.Get<PlivoWebhookContext>()
            ?? throw new InvalidOperationException(
                "This request has no verified Plivo webhook: put [ValidatePlivoSignature] on the action or its controller.");
    }

    internal static void SetPlivoWebhookContext(this HttpContext httpContext, PlivoWebhookContext context) =>
        httpContext.Features.Set(context);
}
