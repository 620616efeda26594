using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Simulator;

public sealed class SimulateInboundRequestValidator : AbstractValidator<SimulateInboundRequest>
{
    public SimulateInboundRequestValidator()
    {
        RuleFor(r => r.From).NotEmpty().E164();
        RuleFor(r => r.To).E164();
        RuleFor(r => r.Message).NotEmpty().MaximumLength(WhatsAppLimits.TextMax);
    }
}
