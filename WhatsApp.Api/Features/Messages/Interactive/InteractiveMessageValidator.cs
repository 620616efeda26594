using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Interactive;

/// <summary>Content rules for <c>type: interactive</c>: reply buttons, a list or a call-to-action URL button.</summary>
public sealed class InteractiveMessageValidator : AbstractValidator<SendMessageRequest>
{
    public InteractiveMessageValidator()
    {
        RuleFor(x => x.Interactive).NotNull().SetChildValidator(new InteractiveRequestValidator());
    }
}
