namespace WhatsApp.Infrastructure.Events;

/// <summary>Events to the business's own systems (section <c>Events</c>).</summary>
public sealed class EventsOptions
{
    public const string SectionName = "Events";

    /// <summary>The waits between a delivery's attempts after the first (Svix's: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h).</summary>
    public IList<TimeSpan> RetrySchedule { get; set; } = [];

    /// <summary>An endpoint whose deliveries have all failed for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long succeeded deliveries (and events no delivery needs) are kept; failed ones stay until retried or their endpoint is deleted.</summary>
    public TimeSpan KeepSucceededDeliveries { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Deliveries in flight to one endpoint at a time, per instance.</summary>
    public int ConcurrencyPerEndpoint { get; set; } = 10;

    /// <summary>How long a POST may take, answer included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the worker looks for new events and due deliveries when it has nothing to do.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Lets endpoints resolve to loopback, private, link-local or CGNAT addresses (true in Development).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Lets endpoints use plain http (true in Development).</summary>
    public bool AllowHttp { get; set; }
}
