using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Interactive;

/// <summary>The <c>interactive</c> object; the action is checked by the rules of its type.</summary>
internal sealed class InteractiveRequestValidator : AbstractValidator<InteractiveRequest>
{
    public InteractiveRequestValidator()
    {
        RuleFor(x => x.Type).NotEmpty().OneOf(InteractiveTypes.Button, InteractiveTypes.List, InteractiveTypes.CtaUrl);

        RuleFor(x => x.Header).SetChildValidator(new InteractiveHeaderValidator());
        RuleFor(x => x.Header!.Type)
            .Equal("text")
            .When(x => x.Type == InteractiveTypes.List && x.Header is not null)
            .WithMessage("'{PropertyName}' must be 'text' for a list.");

        RuleFor(x => x.Body).NotNull();
        RuleFor(x => x.Body!.Text)
            .NotEmpty()
            .MaximumLength(WhatsAppLimits.InteractiveBodyMax)
            .When(x => x.Body is not null);

        RuleFor(x => x.Footer!.Text)
            .NotEmpty()
            .MaximumLength(WhatsAppLimits.InteractiveFooterMax)
            .When(x => x.Footer is not null);

        RuleFor(x => x.Action).NotNull();
        RuleFor(x => x.Action).SetChildValidator(new ReplyButtonsActionValidator()).When(x => x.Type == InteractiveTypes.Button);
        RuleFor(x => x.Action).SetChildValidator(new ListActionValidator()).When(x => x.Type == InteractiveTypes.List);
        RuleFor(x => x.Action).SetChildValidator(new CtaUrlActionValidator()).When(x => x.Type == InteractiveTypes.CtaUrl);
    }
}
