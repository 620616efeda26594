using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Location;

/// <summary>Content rules for <c>type: location</c>: a pin with optional name and address.</summary>
public sealed class LocationMessageValidator : AbstractValidator<SendMessageRequest>
{
    public LocationMessageValidator()
    {
        RuleFor(x => x.Location).NotNull().SetChildValidator(new LocationRequestValidator());
    }
}
