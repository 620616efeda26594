namespace WhatsApp.Domain.Messages;

/// <summary>A location pin. Coordinates are decimal strings, as Plivo expects them.</summary>
public sealed record LocationContent(string Latitude, string Longitude, string? Name, string? Address);
