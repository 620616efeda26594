using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Interactive;

/// <summary>
/// A button of an interactive message: a reply button (id and title), the button that opens a list (its title is
/// the label) or the call-to-action link button (title and https URL).
/// </summary>
internal sealed class InteractiveButtonValidator : AbstractValidator<InteractiveButtonRequest>
{
    public InteractiveButtonValidator(string interactiveType)
    {
        if (interactiveType == InteractiveTypes.Button)
        {
            RuleFor(x => x.Id).NotEmpty();
        }

        RuleFor(x => x.Id).MaximumLength(WhatsAppLimits.ButtonIdMax);
        RuleFor(x => x.Title).NotEmpty().MaximumLength(WhatsAppLimits.ButtonTitleMax);

        if (interactiveType == InteractiveTypes.CtaUrl)
        {
            RuleFor(x => x.CtaUrl).NotEmpty().HttpsUrl();
        }
        else
        {
            RuleFor(x => x.CtaUrl).NotAllowed($"when interactive type is '{interactiveType}'");
        }
    }
}
