namespace WhatsApp.Domain.Events;

public enum DeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>One event on its way to one endpoint, with its attempts on the retry schedule (<see cref="DeliveryPolicy"/>).</summary>
public sealed class EventDelivery
{
    private EventDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid EndpointId { get; private set; }

    public Guid EventId { get; private set; }

    /// <summary>The event's contact: an endpoint's deliveries of one contact go out one at a time, in event order.</summary>
    public string? Contact { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static EventDelivery For(WebhookEndpoint endpoint, MessageEvent message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(message);
        return new EventDelivery
        {
            Id = Guid.CreateVersion7(now),
            EndpointId = endpoint.Id,
            EventId = message.Id,
            Contact = message.Contact,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Counts an attempt: succeeded, due again on the schedule, or failed when the schedule is spent.</summary>
    public void Record(DeliveryResult result, DeliveryPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(policy);
        Attempts++;
        UpdatedAt = now;
        if (result.Succeeded)
        {
            Status = DeliveryStatus.Succeeded;
            NextAttemptAt = null;
        }
        else if (policy.DelayAfter(Attempts) is { } delay && !result.Gone)
        {
            NextAttemptAt = now + delay;
        }
        else
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAt = null;
        }
    }

    /// <summary>A failed delivery retried by hand (or by a recovery): due now, with a fresh schedule.</summary>
    public void Retry(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        UpdatedAt = now;
    }
}
