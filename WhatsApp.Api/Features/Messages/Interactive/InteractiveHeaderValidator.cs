using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Interactive;

/// <summary>An interactive header: text, or a media URL.</summary>
internal sealed class InteractiveHeaderValidator : AbstractValidator<InteractiveHeaderRequest>
{
    public InteractiveHeaderValidator()
    {
        RuleFor(x => x.Type).NotEmpty().OneOf("text", "media");

        When(x => x.Type == "text", () =>
        {
            RuleFor(x => x.Text).NotEmpty().MaximumLength(WhatsAppLimits.InteractiveHeaderTextMax);
            RuleFor(x => x.Media).NotAllowed("on a text header");
        });

        When(x => x.Type == "media", () =>
        {
            RuleFor(x => x.Media).NotEmpty().HttpUrl();
            RuleFor(x => x.Text).NotAllowed("on a media header");
        });
    }
}
