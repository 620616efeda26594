using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Interactive;

/// <summary>The action of <c>interactive.type: cta_url</c>: exactly one link button.</summary>
internal sealed class CtaUrlActionValidator : AbstractValidator<InteractiveActionRequest>
{
    public CtaUrlActionValidator()
    {
        RuleFor(x => x.Buttons)
            .Must(buttons => buttons is { Count: 1 })
            .WithMessage("'{PropertyName}' must hold exactly one button with a title and a cta_url.");

        RuleForEach(x => x.Buttons).NotNull().SetChildValidator(new InteractiveButtonValidator(InteractiveTypes.CtaUrl));

        RuleFor(x => x.Sections).NotAllowed("when interactive type is 'cta_url'");
    }
}
