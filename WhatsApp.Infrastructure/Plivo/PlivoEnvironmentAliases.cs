using Microsoft.Extensions.Configuration;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>
/// Maps the environment variable names many Plivo deployments already use onto our configuration keys. The usual
/// <c>Plivo__AuthId</c> style wins when both are set.
/// </summary>
public static class PlivoEnvironmentAliases
{
    private static readonly (string Variable, string Key)[] Aliases =
    [
        ("PLIVO_AUTH_ID", "Plivo:AuthId"),
        ("PLIVO_AUTH_TOKEN", "Plivo:AuthToken"),
        ("PLIVO_WHATSAPP_SENDER_NUMBER", "Plivo:DefaultSender"),
    ];

    public static void Apply(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new Dictionary<string, string?>();
        foreach (var (variable, key) in Aliases)
        {
            var value = configuration[variable];
            if (!string.IsNullOrWhiteSpace(value) && string.IsNullOrWhiteSpace(configuration[key]))
            {
                values[key] = value;
            }
        }

        if (values.Count > 0)
        {
            configuration.AddInMemoryCollection(values);
        }
    }
}
