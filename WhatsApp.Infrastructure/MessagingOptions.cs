namespace WhatsApp.Infrastructure;

/// <summary>Which provider sends messages (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary><c>Plivo</c> or <c>Simulator</c>; when empty, Plivo if credentials are set, else the simulator.</summary>
    public string? Provider { get; set; }
}
