using FluentValidation;
using WhatsApp.Api.Contracts;

namespace WhatsApp.Api.Validation;

public sealed class SimulateInboundRequestValidator : AbstractValidator<SimulateInboundRequest>
{
    public SimulateInboundRequestValidator()
    {
        RuleFor(r => r.From).NotEmpty().E164();
        RuleFor(r => r.To).E164();
        RuleFor(r => r.Message).NotEmpty().MaximumLength(WhatsAppLimits.TextMax);
    }
}
