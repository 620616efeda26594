namespace WhatsApp.Infrastructure.Simulator;

internal sealed record SimulatedSend(string ProviderMessageId, string From, string To);
