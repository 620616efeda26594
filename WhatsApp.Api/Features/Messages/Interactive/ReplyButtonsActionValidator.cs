using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Interactive;

/// <summary>The action of <c>interactive.type: button</c>: 1 to 3 reply buttons with unique titles.</summary>
internal sealed class ReplyButtonsActionValidator : AbstractValidator<InteractiveActionRequest>
{
    public ReplyButtonsActionValidator()
    {
        RuleFor(x => x.Buttons)
            .Must(buttons => buttons is { Count: >= 1 and <= WhatsAppLimits.ReplyButtonsMax })
            .WithMessage($"'{{PropertyName}}' must hold 1 to {WhatsAppLimits.ReplyButtonsMax} buttons.");

        RuleForEach(x => x.Buttons).NotNull().SetChildValidator(new InteractiveButtonValidator(InteractiveTypes.Button));

        RuleFor(x => x.Buttons).Custom((buttons, context) =>
        {
            var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < (buttons?.Count ?? 0); i++)
            {
                if (buttons![i]?.Title is { Length: > 0 } title && !titles.Add(title))
                {
                    context.AddFailure($"buttons[{i}].title", $"'title' duplicates an earlier button title ('{title}').");
                }
            }
        });

        RuleFor(x => x.Sections).NotAllowed("when interactive type is 'button'");
    }
}
