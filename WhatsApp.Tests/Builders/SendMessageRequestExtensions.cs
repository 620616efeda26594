using WhatsApp.Api.Features.Messages;
using WhatsApp.Api.Features.Messages.Interactive;
using WhatsApp.Api.Features.Messages.Location;
using WhatsApp.Api.Features.Messages.Template;

namespace WhatsApp.Tests.Builders;

/// <summary>Changes one nested part of a built request without spelling out the whole object graph.</summary>
public static class SendMessageRequestExtensions
{
    public static SendMessageRequest WithInteractive(this SendMessageRequest request, Func<InteractiveRequest, InteractiveRequest> change) =>
        request with { Interactive = change(request.Interactive!) };

    public static SendMessageRequest WithAction(this SendMessageRequest request, Func<InteractiveActionRequest, InteractiveActionRequest> change) =>
        request.WithInteractive(interactive => interactive with { Action = change(interactive.Action!) });

    public static SendMessageRequest WithButtons(this SendMessageRequest request, params InteractiveButtonRequest?[] buttons) =>
        request.WithAction(action => action with { Buttons = buttons });

    public static SendMessageRequest WithTemplate(this SendMessageRequest request, Func<TemplateRequest, TemplateRequest> change) =>
        request with { Template = change(request.Template!) };

    public static SendMessageRequest WithLocation(this SendMessageRequest request, Func<LocationRequest, LocationRequest> change) =>
        request with { Location = change(request.Location!) };
}
