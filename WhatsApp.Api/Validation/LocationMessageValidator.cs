using FluentValidation;
using WhatsApp.Api.Contracts;

namespace WhatsApp.Api.Validation;

/// <summary>Content rules for <c>type: location</c>: a pin with optional name and address.</summary>
public sealed class LocationMessageValidator : AbstractValidator<SendMessageRequest>
{
    public LocationMessageValidator()
    {
        RuleFor(x => x.Location).NotNull().SetChildValidator(new LocationRequestValidator());
    }
}
