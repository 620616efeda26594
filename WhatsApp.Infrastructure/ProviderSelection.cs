using WhatsApp.Infrastructure.Plivo;

namespace WhatsApp.Infrastructure;

/// <summary>Decides which messaging provider runs: the explicit setting, else Plivo when credentials are set.</summary>
public static class ProviderSelection
{
    public const string Plivo = "Plivo";
    public const string Simulator = "Simulator";

    public static string Resolve(MessagingOptions messaging, PlivoOptions plivo)
    {
        ArgumentNullException.ThrowIfNull(messaging);
        ArgumentNullException.ThrowIfNull(plivo);
        if (string.IsNullOrWhiteSpace(messaging.Provider))
        {
            return plivo.HasCredentials ? Plivo : Simulator;
        }

        return string.Equals(messaging.Provider, Simulator, StringComparison.OrdinalIgnoreCase) ? Simulator : Plivo;
    }
}
