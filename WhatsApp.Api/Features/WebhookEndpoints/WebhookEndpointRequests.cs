namespace WhatsApp.Api.Features.WebhookEndpoints;

/// <summary>A new endpoint: where events go, and which (default: every type, every sender).</summary>
public sealed record CreateWebhookEndpointRequest
{
    /// <summary>An absolute https URL (http only in Development); it must resolve to a public address.</summary>
    public string? Url { get; init; }

    public string? Description { get; init; }

    /// <summary>Event types to send (<c>message.received</c>, <c>message.delivered</c>, …); omitted or empty: all.</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }

    /// <summary>Our numbers (E.164) whose messages' events to send; omitted or empty: all.</summary>
    public IReadOnlyList<string>? Senders { get; init; }
}

/// <summary>Changes to an endpoint: what is given changes, what is omitted stays.</summary>
public sealed record UpdateWebhookEndpointRequest
{
    public string? Url { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? EventTypes { get; init; }

    public IReadOnlyList<string>? Senders { get; init; }

    /// <summary>True stops deliveries to it; false resumes them (and clears why the gateway disabled it).</summary>
    public bool? Disabled { get; init; }
}
