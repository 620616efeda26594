using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Observability;

namespace WhatsApp.Infrastructure.Events;

/// <summary>
/// Counts delivery attempts by outcome and their duration, logs (and counts) each endpoint the gateway disabled, and
/// shows the pending deliveries the worker last counted.
/// </summary>
internal sealed partial class EventObserver : IEventObserver
{
    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _disabled;
    private readonly ILogger<EventObserver> _logger;
    private long _pending;

    public EventObserver(IMeterFactory meters, ILogger<EventObserver> logger)
    {
        var meter = meters.Create(GatewayMetrics.MeterName);
        _attempts = meter.CreateCounter<long>("whatsapp.events.deliveries", "{attempt}", "Event delivery attempts, by outcome");
        _duration = meter.CreateHistogram<double>("whatsapp.events.delivery.duration", "s", "How long an endpoint took to answer a delivery");
        _disabled = meter.CreateCounter<long>("whatsapp.events.endpoints_disabled", "{endpoint}", "Endpoints the gateway disabled");
        meter.CreateObservableGauge(
            "whatsapp.events.pending", () => Interlocked.Read(ref _pending), "{delivery}", "Event deliveries waiting to succeed or fail, as last counted");
        _logger = logger;
    }

    public void Attempted(EventDelivery delivery, DeliveryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Succeeded ? "succeeded" : result.StatusCode is null ? "no_answer" : "rejected";
        _attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        _duration.Record(result.Duration.TotalSeconds);
    }

    public void EndpointDisabled(WebhookEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _disabled.Add(1);
        LogDisabled(endpoint.Id, endpoint.DisabledReason ?? "unknown");
    }

    public void PendingCounted(long pending) => Interlocked.Exchange(ref _pending, pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disabled webhook endpoint {EndpointId}: {Reason}")]
    private partial void LogDisabled(Guid endpointId, string reason);
}
