using FluentValidation;
using WhatsApp.Api.Contracts;

namespace WhatsApp.Api.Validation;

/// <summary>One section of a list message.</summary>
internal sealed class ListSectionValidator : AbstractValidator<InteractiveSectionRequest>
{
    public ListSectionValidator()
    {
        RuleFor(x => x.Title).MaximumLength(WhatsAppLimits.SectionTitleMax);
        RuleFor(x => x.Rows).NotEmpty();
        RuleForEach(x => x.Rows).NotNull().SetChildValidator(new ListRowValidator());
    }
}
