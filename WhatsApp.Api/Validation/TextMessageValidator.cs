using FluentValidation;
using WhatsApp.Api.Contracts;

namespace WhatsApp.Api.Validation;

/// <summary>Content rules for <c>type: text</c> (also the default type).</summary>
public sealed class TextMessageValidator : AbstractValidator<SendMessageRequest>
{
    public TextMessageValidator()
    {
        RuleFor(x => x.Message).NotEmpty().MaximumLength(WhatsAppLimits.TextMax);
    }
}
