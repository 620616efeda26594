namespace WhatsApp.Infrastructure.Plivo.Contracts;

/// <summary>Used both as the top-level <c>location</c> and inside a template location parameter.</summary>
internal sealed record PlivoLocation(string Latitude, string Longitude, string? Name, string? Address);
