using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Interactive;

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
