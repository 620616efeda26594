using FluentValidation;
using WhatsApp.Api.Contracts;

namespace WhatsApp.Api.Validation;

/// <summary>One row of a list section.</summary>
internal sealed class ListRowValidator : AbstractValidator<InteractiveRowRequest>
{
    public ListRowValidator()
    {
        RuleFor(x => x.Id).NotEmpty().MaximumLength(WhatsAppLimits.RowIdMax);
        RuleFor(x => x.Title).NotEmpty().MaximumLength(WhatsAppLimits.RowTitleMax);
        RuleFor(x => x.Description).MaximumLength(WhatsAppLimits.RowDescriptionMax);
    }
}
