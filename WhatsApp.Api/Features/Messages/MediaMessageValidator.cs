using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages;

/// <summary>Content rules for <c>type: media</c>: one public http(s) URL and an optional caption in <c>message</c>.</summary>
public sealed class MediaMessageValidator : AbstractValidator<SendMessageRequest>
{
    public MediaMessageValidator()
    {
        RuleFor(x => x.MediaUrls)
            .NotNull()
            .Must(urls => urls is null || urls.Count == WhatsAppLimits.MediaUrlsPerMessage)
            .WithMessage($"'{{PropertyName}}' must hold exactly {WhatsAppLimits.MediaUrlsPerMessage} URL.");

        RuleForEach(x => x.MediaUrls).NotEmpty().HttpUrl();

        RuleFor(x => x.Message).MaximumLength(WhatsAppLimits.CaptionMax);
    }
}
