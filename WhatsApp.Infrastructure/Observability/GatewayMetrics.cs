using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Infrastructure.Observability;

/// <summary>
/// The gateway's own metrics (meter <see cref="MeterName"/>), recorded once the fact they count is committed, so they
/// never count a message or webhook that a failed commit took back.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "WhatsApp.Gateway";

    // A scrape every few seconds from several scrapers must not turn into a count query each.
    private static readonly TimeSpan QueuedRefresh = TimeSpan.FromSeconds(5);

    // Buckets in seconds, from a group commit (milliseconds) to a retried send (minutes).
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
    };

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _outcomeUnknown;
    private readonly Histogram<double> _dispatchLag;
    private readonly Histogram<double> _webhookDuration;
    private readonly IDbContextFactory<WhatsAppDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly Lock _queuedLock = new();
    private (DateTimeOffset At, long Count) _queued = (DateTimeOffset.MinValue, 0);

    internal GatewayMetrics(IMeterFactory meters, IDbContextFactory<WhatsAppDbContext> contexts, IWriteBacklog writes, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _contexts = contexts;
        _time = time;
        _meter = meters.Create(MeterName);
        _accepted = _meter.CreateCounter<long>("whatsapp.messages.accepted", "{message}", "Messages accepted for sending (stored, then answered 202).");
        _sent = _meter.CreateCounter<long>("whatsapp.messages.sent", "{message}", "Messages Plivo accepted.");
        _failed = _meter.CreateCounter<long>("whatsapp.messages.failed", "{message}", "Messages that ended failed, by reason (the error code).");
        _retried = _meter.CreateCounter<long>("whatsapp.messages.retried", "{attempt}", "Attempts that will be retried, by reason.");
        _outcomeUnknown = _meter.CreateCounter<long>("whatsapp.messages.outcome_unknown", "{message}", "Messages whose request may or may not have reached Plivo; never resent.");
        _dispatchLag = _meter.CreateHistogram("whatsapp.dispatch.lag", "s", "From acceptance to Plivo's acceptance.", null, Seconds);
        _webhookDuration = _meter.CreateHistogram("whatsapp.webhooks.duration", "s", "From a webhook's arrival to its commit, by kind and outcome.", null, Seconds);
        _meter.CreateObservableGauge("whatsapp.outbox.queued", ObserveQueued, "{message}", "Messages waiting to be sent (refreshed every few seconds).");
        _meter.CreateObservableGauge("whatsapp.write_queue.depth", () => writes.Pending, "{write}", "Writes waiting for the next group commit.");
    }

    internal void Accepted(Message message) =>
        _accepted.Add(1, new KeyValuePair<string, object?>("type", message.Type.ToString().ToLowerInvariant()));

    /// <summary>Counts the outcome of one attempt, as stored.</summary>
    internal void Attempted(Message message)
    {
        switch (message.Status)
        {
            case MessageStatus.Sent:
                _sent.Add(1);
                _dispatchLag.Record(((message.SentAt ?? _time.GetUtcNow()) - message.CreatedAt).TotalSeconds);
                break;
            case MessageStatus.Failed:
                _failed.Add(1, Reason(message));
                break;
            case MessageStatus.Queued:
                _retried.Add(1, Reason(message));
                break;
            case MessageStatus.OutcomeUnknown:
                _outcomeUnknown.Add(1);
                break;
        }
    }

    internal void OutcomesUnknown(int count)
    {
        if (count > 0)
        {
            _outcomeUnknown.Add(count);
        }
    }

    internal void Webhook(string kind, WebhookOutcome outcome, DateTimeOffset receivedAt) =>
        _webhookDuration.Record(
            Math.Max(0, (_time.GetUtcNow() - receivedAt).TotalSeconds),
            new KeyValuePair<string, object?>("kind", kind),
            new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Reason(Message message) => new("reason", message.ErrorCode ?? "unknown");

    private long ObserveQueued()
    {
        lock (_queuedLock)
        {
            var now = _time.GetUtcNow();
            if (now - _queued.At >= QueuedRefresh)
            {
                using var db = _contexts.CreateDbContext();
                _queued = (now, db.Messages.LongCount(m => m.Status == MessageStatus.Queued));
            }

            return _queued.Count;
        }
    }
}
