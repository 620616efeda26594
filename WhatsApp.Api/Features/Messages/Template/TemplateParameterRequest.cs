using System.Text.Json.Serialization;
using WhatsApp.Api.Features.Messages.Location;

namespace WhatsApp.Api.Features.Messages.Template;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TemplateParameterRequest
{
    /// <summary><c>text</c>, <c>media</c>, <c>payload</c>, <c>currency</c>, <c>date_time</c> or <c>location</c>.</summary>
    public string? Type { get; init; }

    public string? Text { get; init; }

    public string? Media { get; init; }

    public string? Payload { get; init; }

    public CurrencyRequest? Currency { get; init; }

    public DateTimeRequest? DateTime { get; init; }

    public LocationRequest? Location { get; init; }

    public string? ParameterName { get; init; }
}
