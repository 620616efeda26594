using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Interactive;

/// <summary>
/// The action of <c>interactive.type: list</c>: 1 to 10 sections holding 1 to 10 rows in total, with unique row
/// ids, and one button whose title labels the list (Plivo puts it in <c>buttons[0].title</c>).
/// </summary>
internal sealed class ListActionValidator : AbstractValidator<InteractiveActionRequest>
{
    public ListActionValidator()
    {
        RuleFor(x => x.Buttons)
            .Must(buttons => buttons is { Count: 1 })
            .WithMessage("'{PropertyName}' must hold exactly one button, whose title labels the list.");

        RuleForEach(x => x.Buttons).NotNull().SetChildValidator(new InteractiveButtonValidator(InteractiveTypes.List));

        RuleFor(x => x.Sections)
            .Must(sections => sections is { Count: >= 1 and <= WhatsAppLimits.ListSectionsMax })
            .WithMessage($"'{{PropertyName}}' must hold 1 to {WhatsAppLimits.ListSectionsMax} sections.")
            .Must(sections => sections is null || TotalRows(sections) is >= 1 and <= WhatsAppLimits.ListRowsMax)
            .WithMessage($"'{{PropertyName}}' must hold 1 to {WhatsAppLimits.ListRowsMax} rows in total.");

        RuleForEach(x => x.Sections).NotNull().SetChildValidator(new ListSectionValidator());

        RuleForEach(x => x.Sections)
            .ChildRules(section => section.RuleFor(s => s!.Title).NotEmpty().WithMessage("'{PropertyName}' is required when a list has several sections."))
            .When(x => x.Sections is { Count: > 1 });

        RuleFor(x => x.Sections).Custom((sections, context) =>
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (sections?.Count ?? 0); i++)
            {
                var rows = sections![i]?.Rows ?? [];
                for (var j = 0; j < rows.Count; j++)
                {
                    if (rows[j]?.Id is { Length: > 0 } id && !ids.Add(id))
                    {
                        context.AddFailure($"sections[{i}].rows[{j}].id", $"'id' duplicates an earlier row id ('{id}').");
                    }
                }
            }
        });
    }

    private static int TotalRows(IReadOnlyList<InteractiveSectionRequest?> sections) =>
        sections.Sum(section => section?.Rows?.Count ?? 0);
}
