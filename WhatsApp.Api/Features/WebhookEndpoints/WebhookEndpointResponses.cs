using WhatsApp.Domain.Events;

namespace WhatsApp.Api.Features.WebhookEndpoints;

/// <summary>An endpoint. <c>Secret</c> (<c>whsec_…</c>) is shown only when it is made: on creation and rotation.</summary>
public sealed record WebhookEndpointResponse(
    Guid Id,
    string Url,
    string? Description,
    IReadOnlyList<string> EventTypes,
    IReadOnlyList<string> Senders,
    bool Disabled,
    string? DisabledReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Secret = null)
{
    public static WebhookEndpointResponse From(WebhookEndpoint endpoint, bool withSecret = false) => new(
        endpoint.Id, endpoint.Url, endpoint.Description,
        endpoint.EventTypes.Count == 0 ? Domain.Events.EventTypes.All : endpoint.EventTypes,
        endpoint.Senders, endpoint.Disabled, endpoint.DisabledReason, endpoint.CreatedAt, endpoint.UpdatedAt,
        withSecret ? endpoint.Secret : null);
}

/// <summary>A page of endpoints; pass <c>NextCursor</c> back as <c>cursor</c> (null on the last page).</summary>
public sealed record WebhookEndpointPage(IReadOnlyList<WebhookEndpointResponse> Items, string? NextCursor);

/// <summary>One event on its way to an endpoint, with its attempts.</summary>
public sealed record DeliveryResponse(
    Guid Id,
    Guid EventId,
    string EventType,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DeliveryAttemptResponse> AttemptLog);

/// <summary>One POST: when, the HTTP status (none when no answer came), how long, the error, and the answer's first KiB.</summary>
public sealed record DeliveryAttemptResponse(DateTimeOffset AttemptedAt, int? StatusCode, int DurationMs, string? Error, string? ResponseBody);

/// <summary>A page of deliveries, newest first; pass <c>NextCursor</c> back as <c>cursor</c>.</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryResponse> Items, string? NextCursor);

/// <summary>How many failed deliveries a recovery made due again.</summary>
public sealed record RecoverResponse(int Retried);
