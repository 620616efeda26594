using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Interactive;

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
