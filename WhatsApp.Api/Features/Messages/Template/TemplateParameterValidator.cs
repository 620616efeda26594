using FluentValidation;
using WhatsApp.Api.Features.Messages.Location;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Template;

/// <summary>One template parameter; each <c>type</c> needs its own field.</summary>
internal sealed class TemplateParameterValidator : AbstractValidator<TemplateParameterRequest>
{
    public TemplateParameterValidator()
    {
        RuleFor(x => x.Type).NotEmpty().OneOf("text", "media", "payload", "currency", "date_time", "location");

        RuleFor(x => x.Text).NotEmpty().When(x => x.Type == "text");
        RuleFor(x => x.Text).MaximumLength(WhatsAppLimits.TemplateTextParameterMax);

        RuleFor(x => x.Media).NotEmpty().When(x => x.Type == "media");
        RuleFor(x => x.Media).HttpUrl();

        RuleFor(x => x.Payload).NotEmpty().When(x => x.Type == "payload");
        RuleFor(x => x.Payload).MaximumLength(WhatsAppLimits.TemplatePayloadMax);

        RuleFor(x => x.Currency).NotNull().When(x => x.Type == "currency");
        RuleFor(x => x.Currency).SetChildValidator(new CurrencyValidator());

        RuleFor(x => x.DateTime).NotNull().When(x => x.Type == "date_time");
        RuleFor(x => x.DateTime!.FallbackValue)
            .NotEmpty()
            .MaximumLength(WhatsAppLimits.TemplateFallbackValueMax)
            .When(x => x.DateTime is not null);

        RuleFor(x => x.Location).NotNull().When(x => x.Type == "location");
        RuleFor(x => x.Location).SetChildValidator(new LocationRequestValidator());

        RuleFor(x => x.ParameterName)
            .Matches(@"^[a-z0-9_]+\z")
            .MaximumLength(WhatsAppLimits.TemplateParameterNameMax);
    }
}
