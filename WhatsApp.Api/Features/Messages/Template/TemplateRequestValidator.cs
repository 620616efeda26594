using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Template;

/// <summary>The <c>template</c> object: name, language and optional components.</summary>
internal sealed class TemplateRequestValidator : AbstractValidator<TemplateRequest>
{
    public TemplateRequestValidator()
    {
        RuleFor(x => x.Name)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(WhatsAppLimits.TemplateNameMax)
            .Matches(WhatsAppLimits.TemplateNamePattern)
            .WithMessage("'{PropertyName}' may hold only a-z, 0-9 and _.");

        RuleFor(x => x.Language)
            .NotEmpty()
            .Matches(WhatsAppLimits.TemplateLanguagePattern)
            .WithMessage("'{PropertyName}' must be a language code such as en, en_US or pt_BR.");

        RuleForEach(x => x.Components).NotNull().SetChildValidator(new TemplateComponentValidator());
    }
}
