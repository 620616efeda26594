namespace WhatsApp.Domain.Events;

/// <summary>One POST of a delivery, as the deliveries list shows it.</summary>
public sealed class DeliveryAttempt
{
    public const int MaxErrorLength = 500;

    private DeliveryAttempt()
    {
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public DateTimeOffset AttemptedAt { get; private set; }

    public int? StatusCode { get; private set; }

    public int DurationMs { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The first <see cref="DeliveryResult.MaxResponseBody"/> bytes of the answer.</summary>
    public string? ResponseBody { get; private set; }

    public static DeliveryAttempt Of(EventDelivery delivery, DeliveryResult result, DateTimeOffset attemptedAt)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(result);
        return new DeliveryAttempt
        {
            Id = Guid.CreateVersion7(attemptedAt),
            DeliveryId = delivery.Id,
            AttemptedAt = attemptedAt,
            StatusCode = result.StatusCode,
            DurationMs = (int)Math.Min(int.MaxValue, result.Duration.TotalMilliseconds),
            Error = result.Error is { Length: > MaxErrorLength } error ? error[..MaxErrorLength] : result.Error,
            ResponseBody = result.ResponseBody,
        };
    }
}
