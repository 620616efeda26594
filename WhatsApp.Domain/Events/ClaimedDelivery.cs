namespace WhatsApp.Domain.Events;

/// <summary>A delivery leased to this instance, with its event and the body to POST, rendered at <paramref name="RenderedAt"/>.</summary>
public sealed record ClaimedDelivery(EventDelivery Delivery, MessageEvent Event, string Body, DateTimeOffset RenderedAt);
