using WhatsApp.Api.Paging;
using FluentValidation;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.History;

namespace WhatsApp.Api.Features.History;

public sealed class ConversationListQueryValidator : AbstractValidator<ConversationListQuery>
{
    public ConversationListQueryValidator()
    {
        RuleFor(q => q.Window).Must(w => w is null or "open" or "closed").WithMessage("Must be 'open' or 'closed'.");
        RuleFor(q => q.Q).Must(q => q is null || PhoneNumber.IsPrefix(q)).WithMessage("Must be the start of a phone number, e.g. +4420.");
        RuleFor(q => q.Limit).InclusiveBetween(1, QueryValues.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => c is null || CursorCodec.TryDecode(c, out ConversationCursor? _))
            .WithMessage("Not a cursor returned by this endpoint.");
    }
}
