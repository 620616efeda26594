using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Simulator;

/// <summary>A customer's message for the simulator to deliver as if Plivo had posted it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SimulateInboundRequest
{
    /// <summary>The customer's number, E.164.</summary>
    public string? From { get; init; }

    /// <summary>Our number; the default sender when absent.</summary>
    public string? To { get; init; }

    public string? Message { get; init; }
}
