using System.Linq.Expressions;
using FluentValidation;
using WhatsApp.Api.Features.Messages.Interactive;
using WhatsApp.Api.Features.Messages.Location;
using WhatsApp.Api.Features.Messages.Template;
using WhatsApp.Api.Validation;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Api.Features.Messages;

/// <summary>
/// Validates <c>POST /api/messages</c>: addressing and type here, the content through the validator of the
/// requested type. Fields that belong to another type are rejected, keyed by their own name.
/// </summary>
public sealed class SendMessageRequestValidator : AbstractValidator<SendMessageRequest>
{
    public SendMessageRequestValidator(ISenderDirectory senders)
    {
        ArgumentNullException.ThrowIfNull(senders);

        RuleFor(x => x.To)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .E164()
            .NotEqual(x => x.From ?? senders.DefaultSender).WithMessage("'{PropertyName}' must differ from the sender.");

        RuleFor(x => x.From)
            .Cascade(CascadeMode.Stop)
            .E164()
            .Must(from => from is null || senders.IsConfigured(from)).WithMessage("'{PropertyName}' is not a configured sender.");

        RuleFor(x => x.Type).OneOf([.. MessageTypes.All]);
        RuleFor(x => x.Metadata).MessageMetadata();

        When(x => IsKnownType(x.Type), () =>
        {
            Forbid(x => x.Message, MessageTypes.Text, MessageTypes.Media);
            Forbid(x => x.MediaUrls, MessageTypes.Media);
            Forbid(x => x.Template, MessageTypes.Template);
            Forbid(x => x.Interactive, MessageTypes.Interactive);
            Forbid(x => x.Location, MessageTypes.Location);
        });

        When(x => Is(x, MessageTypes.Text), () => Include(new TextMessageValidator()));
        When(x => Is(x, MessageTypes.Media), () => Include(new MediaMessageValidator()));
        When(x => Is(x, MessageTypes.Template), () => Include(new TemplateMessageValidator()));
        When(x => Is(x, MessageTypes.Interactive), () => Include(new InteractiveMessageValidator()));
        When(x => Is(x, MessageTypes.Location), () => Include(new LocationMessageValidator()));
    }

    private void Forbid<TProperty>(Expression<Func<SendMessageRequest, TProperty?>> field, params string[] allowedFor) =>
        RuleFor(field)
            .Null()
            .When(x => !allowedFor.Contains(MessageTypes.Of(x.Type), StringComparer.Ordinal))
            .WithMessage(x => $"'{{PropertyName}}' is not allowed when type is '{MessageTypes.Of(x.Type)}'.");

    private static bool IsKnownType(string? type) => MessageTypes.All.Contains(MessageTypes.Of(type), StringComparer.Ordinal);

    private static bool Is(SendMessageRequest request, string type) => MessageTypes.Of(request.Type) == type;
}
