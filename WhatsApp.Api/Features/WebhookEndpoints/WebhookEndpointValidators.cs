using FluentValidation;
using Microsoft.Extensions.Options;
using WhatsApp.Api.Validation;
using WhatsApp.Domain.Events;
using WhatsApp.Infrastructure.Events;

namespace WhatsApp.Api.Features.WebhookEndpoints;

public sealed class CreateWebhookEndpointRequestValidator : AbstractValidator<CreateWebhookEndpointRequest>
{
    public CreateWebhookEndpointRequestValidator(IOptions<EventsOptions> options)
    {
        RuleFor(r => r.Url).NotEmpty().EndpointUrl(options.Value);
        RuleFor(r => r.Description).MaximumLength(WebhookEndpoint.MaxDescriptionLength);
        RuleFor(r => r.EventTypes).EventTypes();
        RuleFor(r => r.Senders).Senders();
    }
}

public sealed class UpdateWebhookEndpointRequestValidator : AbstractValidator<UpdateWebhookEndpointRequest>
{
    public UpdateWebhookEndpointRequestValidator(IOptions<EventsOptions> options)
    {
        RuleFor(r => r.Url).EndpointUrl(options.Value).When(r => r.Url is not null);
        RuleFor(r => r.Description).MaximumLength(WebhookEndpoint.MaxDescriptionLength);
        RuleFor(r => r.EventTypes).EventTypes();
        RuleFor(r => r.Senders).Senders();
    }
}

internal static class WebhookEndpointRules
{
    public static IRuleBuilderOptions<T, string?> EndpointUrl<T>(this IRuleBuilder<T, string?> rule, EventsOptions options) =>
        rule.MaximumLength(WebhookEndpoint.MaxUrlLength)
            .Must(url => url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || (options.AllowHttp && uri.Scheme == Uri.UriSchemeHttp))
                && (options.AllowPrivateNetworks || PublicUrl.IsPublic(uri))))
            .WithMessage(options.AllowHttp
                ? "Must be an absolute http or https URL."
                : "Must be an absolute https URL of a public host (no credentials, no private or loopback address).");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> EventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(types => types is null || types.All(t => Domain.Events.EventTypes.All.Contains(t)))
            .WithMessage($"Each must be one of: {string.Join(", ", Domain.Events.EventTypes.All)}.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> Senders<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(senders => senders is null || (senders.Count <= 100 && senders.All(s => s is not null && Domain.Contacts.PhoneNumber.IsE164(s))))
            .WithMessage("Each must be a number in E.164 form (+14155550100); at most 100.");
}
