using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>Serves the Plivo webhook controller at the configured <c>Plivo:WebhookPath</c>.</summary>
public sealed class WebhookRouteConvention(string path) : IControllerModelConvention
{
    public const string DefaultPath = "api/webhooks/plivo";

    public void Apply(ControllerModel controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (controller.ControllerType != typeof(PlivoWebhooksController))
        {
            return;
        }

        foreach (var selector in controller.Selectors.Where(s => s.AttributeRouteModel is not null))
        {
            selector.AttributeRouteModel!.Template = path.Trim('/');
        }
    }
}
