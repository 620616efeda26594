namespace WhatsApp.Infrastructure.Simulator;

/// <summary>Values the simulator uses when nothing is configured.</summary>
public static class SimulatorDefaults
{
    /// <summary>
    /// Sender used when no WhatsApp number is configured: a reserved, never-assigned test number (555-01xx), so
    /// simulated traffic can never be mistaken for a real sender.
    /// </summary>
    public const string PlaceholderSender = "+15555550100";

    /// <summary>Prefix of simulated provider message ids.</summary>
    public const string MessageIdPrefix = "sim-";
}
