using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Template;

/// <summary>One template component: header, body, footer or button, with its parameters.</summary>
internal sealed class TemplateComponentValidator : AbstractValidator<TemplateComponentRequest>
{
    private const string Button = "button";
    private const string QuickReply = "quick_reply";
    private const string Url = "url";

    public TemplateComponentValidator()
    {
        RuleFor(x => x.Type).NotEmpty().OneOf("header", "body", "footer", Button);

        When(x => x.Type == Button, () =>
        {
            RuleFor(x => x.SubType).NotEmpty().OneOf(QuickReply, Url);
            RuleFor(x => x.Index).NotEmpty().Matches(@"^[0-9]{1,2}\z").WithMessage("'{PropertyName}' must be the button position, such as \"0\".");
        }).Otherwise(() =>
        {
            RuleFor(x => x.SubType).NotAllowed("outside button components");
            RuleFor(x => x.Index).NotAllowed("outside button components");
        });

        RuleFor(x => x.Parameters)
            .Empty()
            .When(x => x.Type == "footer")
            .WithMessage("'{PropertyName}' is not allowed on a footer: footers have no variables.");

        RuleForEach(x => x.Parameters).NotNull().SetChildValidator(new TemplateParameterValidator());

        // Plivo's examples: a quick-reply button returns a payload, a URL button appends text to its URL.
        RuleForEach(x => x.Parameters)
            .ChildRules(parameter => parameter.RuleFor(p => p!.Type).Equal("payload").WithMessage("'{PropertyName}' must be 'payload' on a quick_reply button."))
            .When(x => x.Type == Button && x.SubType == QuickReply);
        RuleForEach(x => x.Parameters)
            .ChildRules(parameter => parameter.RuleFor(p => p!.Type).Equal("text").WithMessage("'{PropertyName}' must be 'text' on a url button."))
            .When(x => x.Type == Button && x.SubType == Url);
    }
}
