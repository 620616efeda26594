using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Template;

/// <summary>A template <c>currency</c> parameter: Plivo requires all three fields.</summary>
internal sealed class CurrencyValidator : AbstractValidator<CurrencyRequest>
{
    public CurrencyValidator()
    {
        RuleFor(x => x.FallbackValue).NotEmpty().MaximumLength(WhatsAppLimits.TemplateFallbackValueMax);
        RuleFor(x => x.CurrencyCode)
            .NotEmpty()
            .Matches(@"^[A-Z]{3}\z")
            .WithMessage("'{PropertyName}' must be an ISO 4217 code such as USD.");
        RuleFor(x => x.Amount1000).NotNull();
    }
}
