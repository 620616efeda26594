using WhatsApp.Api.Paging;
using FluentValidation;
using WhatsApp.Domain.History;

namespace WhatsApp.Api.Features.History;

public sealed class TimelineQueryValidator : AbstractValidator<TimelineQuery>
{
    public TimelineQueryValidator()
    {
        RuleFor(q => q.Before).Must(c => c is null || CursorCodec.TryDecode(c, out MessageCursor? _))
            .WithMessage("Not a cursor returned by this endpoint.");
        RuleFor(q => q.After).Must(c => c is null || CursorCodec.TryDecode(c, out MessageCursor? _))
            .WithMessage("Not a cursor returned by this endpoint.")
            .Must((q, after) => after is null || q.Before is null).WithMessage("Pass either before or after, not both.");
        RuleFor(q => q.Limit).InclusiveBetween(1, QueryValues.MaxLimit);
    }
}
