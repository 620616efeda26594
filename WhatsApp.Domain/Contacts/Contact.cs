namespace WhatsApp.Domain.Contacts;

/// <summary>A customer's WhatsApp number and when they last wrote to us (which opens the service window).</summary>
public sealed class Contact
{
    private Contact()
    {
        Number = string.Empty;
    }

    public string Number { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset? LastInboundAt { get; private set; }

    public static Contact FirstInbound(string number, DateTimeOffset at) =>
        new() { Number = number, FirstSeenAt = at, LastInboundAt = at };

    /// <summary>Only a user's own message renews the window; a late, older webhook never moves it back.</summary>
    public void RecordInbound(DateTimeOffset at)
    {
        if (LastInboundAt is null || at > LastInboundAt)
        {
            LastInboundAt = at;
        }
    }
}
