using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Template;

/// <summary>The <c>template</c> object: name, language and optional components.</summary>
internal sealed class TemplateRequestValidator : AbstractValidator<TemplateRequest>
{
    private const string NamePattern = @"^[a-z0-9_]+\z";

    // en, en_US, pt_BR, fil: the codes Meta lists for templates.
    private const string LanguagePattern = @"^[a-z]{2,3}(_[A-Z]{2})?\z";

    public TemplateRequestValidator()
    {
        RuleFor(x => x.Name)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(WhatsAppLimits.TemplateNameMax)
            .Matches(NamePattern)
            .WithMessage("'{PropertyName}' may hold only a-z, 0-9 and _.");

        RuleFor(x => x.Language)
            .NotEmpty()
            .Matches(LanguagePattern)
            .WithMessage("'{PropertyName}' must be a language code such as en, en_US or pt_BR.");

        RuleForEach(x => x.Components).NotNull().SetChildValidator(new TemplateComponentValidator());
    }
}
