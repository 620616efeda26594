using WhatsApp.Api.Paging;
using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.History;

public sealed class MessageSearchQueryValidator : AbstractValidator<MessageSearchQuery>
{
    public MessageSearchQueryValidator()
    {
        RuleFor(q => q.Contact).E164();
        RuleFor(q => q.From).E164();
        RuleFor(q => q.Direction).Must(d => d is null || QueryValues.Direction(d) is not null)
            .WithMessage($"Must be one of: {string.Join(", ", QueryValues.DirectionNames)}.");
        RuleFor(q => q.Type).Must(t => t is null || QueryValues.Type(t) is not null)
            .WithMessage($"Must be one of: {string.Join(", ", QueryValues.TypeNames)}.");
        RuleFor(q => q.Status).Must(s => QueryValues.SplitList(s).All(v => QueryValues.Status(v) is not null))
            .WithMessage($"Each status must be one of: {string.Join(", ", QueryValues.StatusNames)}.");
        RuleFor(q => q.ErrorCode).MaximumLength(64).Must(NoNul).WithMessage(NulMessage);
        RuleFor(q => q.TemplateName).MaximumLength(512).Must(NoNul).WithMessage(NulMessage);
        RuleFor(q => q.CreatedFrom).Must(d => d is null || QueryValues.Date(d) is not null)
            .WithMessage("Must be an ISO 8601 date or date-time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z.");
        RuleFor(q => q.CreatedTo).Must(d => d is null || QueryValues.Date(d) is not null)
            .WithMessage("Must be an ISO 8601 date or date-time, e.g. 2026-11-30 or 2026-11-30T08:00:00Z.");
        RuleFor(q => q.Q).MaximumLength(200).Must(NoNul).WithMessage(NulMessage);
        RuleFor(q => q.Limit).InclusiveBetween(1, QueryValues.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => c is null || CursorCodec.TryDecode(c, out Domain.History.MessageCursor? _))
            .WithMessage("Not a cursor returned by this endpoint.");
    }

    // No stored text holds U+0000 (PostgreSQL's text cannot), so it matches nothing; PostgreSQL would refuse the query.
    private const string NulMessage = "Must not contain the character U+0000.";

    private static bool NoNul(string? value) => value is null || !value.Contains('\0', StringComparison.Ordinal);
}
