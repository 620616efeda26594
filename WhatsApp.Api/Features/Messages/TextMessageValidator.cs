using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages;

/// <summary>Content rules for <c>type: text</c> (also the default type).</summary>
public sealed class TextMessageValidator : AbstractValidator<SendMessageRequest>
{
    public TextMessageValidator()
    {
        RuleFor(x => x.Message).NotEmpty().MaximumLength(WhatsAppLimits.TextMax);
    }
}
