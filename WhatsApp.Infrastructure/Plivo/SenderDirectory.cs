using Microsoft.Extensions.Options;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Simulator;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>The configured sender numbers; with none configured (simulator only), the documented placeholder.</summary>
internal sealed class SenderDirectory : ISenderDirectory
{
    private readonly HashSet<string> _senders;

    public SenderDirectory(IOptions<PlivoOptions> options)
    {
        var plivo = options.Value;
        DefaultSender = plivo.DefaultSender ?? plivo.Senders.FirstOrDefault() ?? SimulatorDefaults.PlaceholderSender;
        _senders = new HashSet<string>(plivo.Senders, StringComparer.Ordinal) { DefaultSender };
    }

    public string DefaultSender { get; }

    public bool IsConfigured(string number) => _senders.Contains(number);
}
