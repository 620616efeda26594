using FluentValidation;
using WhatsApp.Api.Contracts;

namespace WhatsApp.Api.Validation;

public sealed class SimulateInboundRequestValidator : AbstractValidator<SimulateInboundRequest>
{
    public SimulateInboundRequestValidator()
    {
        RuleFor(r => r.From).NotEmpty().Matches(PhoneNumbers.E164()).WithMessage(PhoneNumbers.Message);
        RuleFor(r => r.To).Matches(PhoneNumbers.E164()).When(r => r.To is not null).WithMessage(PhoneNumbers.Message);
        RuleFor(r => r.Message).NotEmpty().MaximumLength(WhatsAppLimits.TextMax);
    }
}
