namespace WhatsApp.Domain.Contacts;

/// <summary>
/// WhatsApp's 24-hour customer service window: opened and renewed only by the user's own messages. Inside it any
/// message may be sent; outside it only approved templates.
/// </summary>
public static class CustomerServiceWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    public static DateTimeOffset? ClosesAt(DateTimeOffset? lastInboundAt) => lastInboundAt + Length;

    public static bool IsOpen(DateTimeOffset? lastInboundAt, DateTimeOffset now) => ClosesAt(lastInboundAt) > now;
}
