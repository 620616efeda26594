using WhatsApp.Domain.Contacts;

namespace WhatsApp.Infrastructure;

/// <summary>Which provider sends messages (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary><c>Plivo</c> or <c>Simulator</c>; when empty, Plivo if credentials are set, else the simulator.</summary>
    public string? Provider { get; set; }

    /// <summary>Free-form messages outside the 24-hour customer service window: <c>Enforce</c> (422), <c>Warn</c> or <c>Off</c>.</summary>
    public WindowPolicy CustomerServiceWindow { get; set; } = WindowPolicy.Enforce;
}
