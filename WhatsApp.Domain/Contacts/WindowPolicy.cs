namespace WhatsApp.Domain.Contacts;

/// <summary>What to do with a free-form message to a contact whose service window is closed.</summary>
public enum WindowPolicy
{
    /// <summary>Refuse it before it is queued (422).</summary>
    Enforce,

    /// <summary>Accept it and flag it as sent outside the window.</summary>
    Warn,

    /// <summary>Do not check.</summary>
    Off,
}
