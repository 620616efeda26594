namespace WhatsApp.Domain.Ports;

/// <summary>Our configured WhatsApp sender numbers.</summary>
public interface ISenderDirectory
{
    string DefaultSender { get; }

    bool IsConfigured(string number);
}
