using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Template;

/// <summary>Content rules for <c>type: template</c>: an approved template and its variable values.</summary>
public sealed class TemplateMessageValidator : AbstractValidator<SendMessageRequest>
{
    public TemplateMessageValidator()
    {
        RuleFor(x => x.Template).NotNull().SetChildValidator(new TemplateRequestValidator());
    }
}
