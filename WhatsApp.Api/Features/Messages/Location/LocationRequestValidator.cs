using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages.Location;

/// <summary>A <c>location</c> object, in a location message or a template location parameter.</summary>
internal sealed class LocationRequestValidator : AbstractValidator<LocationRequest>
{
    public LocationRequestValidator()
    {
        RuleFor(x => x.Latitude).NotEmpty().Coordinate(90);
        RuleFor(x => x.Longitude).NotEmpty().Coordinate(180);
        RuleFor(x => x.Name).MaximumLength(WhatsAppLimits.LocationTextMax);
        RuleFor(x => x.Address).MaximumLength(WhatsAppLimits.LocationTextMax);
    }
}
