namespace WhatsApp.Api.Features.Simulator;

/// <summary>The 202 answer of the simulator's inbound message: what processing it as a webhook did.</summary>
public sealed record SimulatedInboundResponse(string Outcome);
