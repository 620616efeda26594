using WhatsApp.Domain.Messages;
using WhatsApp.Seed.Content;

namespace WhatsApp.Seed.Writing;

/// <summary>
/// What became of an outbound message, as the dispatcher and Plivo's status reports would have left it: rejected at
/// send, sent and then delivered, read, failed or undelivered, or (in the last hour) still queued. Reports that would
/// arrive after the end of the history have not arrived yet.
/// </summary>
internal sealed class OutboundTimeline(Random random, long untilUnixMs, int statusHistoryEvery)
{
    private const long QueuedTail = 3_600_000;

    private static readonly (string Code, string Reason, int Attempts)[] Rejections =
    [
        ("plivo_400", "dst is not a valid WhatsApp number", 1),
        ("plivo_400", "template is not approved for this language", 1),
        ("plivo_403", "Forbidden: the destination country is probably not enabled in the Plivo account's geo permissions.", 1),
        ("plivo_503", "Gave up after 5 attempts: Plivo answered 503 with an empty body.", 5),
    ];

    private static readonly (string Code, string Reason)[] ReportedFailures =
    [
        ("300", "Failed to dispatch message"), ("451", "Message blocked: unusual activity on the sender number"),
        ("50", "Invalid destination number"), ("1000", "Unknown error"),
    ];

    private static readonly (string Code, string Reason)[] Undeliverable =
    [
        ("80", "Destination temporarily unavailable"), ("70", "Destination permanently unavailable"), ("420", "Message expired"),
    ];

    /// <summary>Sets status, attempts, times and errors; returns whether any status report has arrived.</summary>
    public bool Apply(MessageRow row, List<StatusEventRow> events)
    {
        var created = row.CreatedAt;
        if (created > untilUnixMs - QueuedTail && random.NextDouble() < 0.3)
        {
            Queue(row, created);
            return false;
        }

        var roll = random.NextDouble();
        if (roll < 0.015)
        {
            var (code, reason, attempts) = Rejections[random.Next(Rejections.Length)];
            (row.Status, row.ErrorCode, row.ErrorReason, row.Attempts) = (MessageStatus.Failed, code, reason, attempts);
            row.UpdatedAt = created + 200 + random.Next(1_500) + (attempts - 1) * 60_000L;
            return false;
        }

        // A few were sent on the second attempt after a transient error; MarkSent clears the error.
        row.Attempts = random.NextDouble() < 0.02 ? 2 : 1;
        row.SentAt = created + 150 + random.Next(1_400) + (row.Attempts - 1) * 30_000L;
        row.ProviderMessageId = SeededIds.Version4(random).ToString();
        row.Status = MessageStatus.Sent;
        row.UpdatedAt = row.SentAt.Value;

        var keep = random.Next(statusHistoryEvery) == 0;
        var reportAt = row.SentAt.Value + 300 + random.Next(2_700);
        var reported = Report(row, events, keep, MessageStatus.Sent, "1", reportAt, null, null);
        var fate = random.NextDouble();
        if (fate < 0.025)
        {
            var undelivered = fate >= 0.015;
            var (code, reason) = undelivered ? Undeliverable[random.Next(Undeliverable.Length)] : ReportedFailures[random.Next(ReportedFailures.Length)];
            var at = reportAt + (undelivered ? 60_000 + Exponential(3_600_000) : 1_000 + random.Next(60_000));
            Report(row, events, keep, undelivered ? MessageStatus.Undelivered : MessageStatus.Failed, "2", at, code, reason);
            return reported;
        }

        var deliveredAt = reportAt + 1_000 + random.Next(30_000);
        if (fate >= 0.14 && Report(row, events, keep, MessageStatus.Delivered, "2", deliveredAt, null, null) && fate >= 0.45)
        {
            Report(row, events, keep, MessageStatus.Read, "3", deliveredAt + 5_000 + Exponential(1_800_000), null, null);
        }

        return reported;
    }

    /// <summary>Applies one report if it arrived before the end of the history; keeps its row when asked to.</summary>
    private bool Report(MessageRow row, List<StatusEventRow> events, bool keep, MessageStatus status, string sequence, long providerTime,
        string? errorCode, string? reason)
    {
        var receivedAt = providerTime + 100 + random.Next(700);
        if (receivedAt > untilUnixMs)
        {
            return false;
        }

        if (status != MessageStatus.Sent)
        {
            row.Status = status;
            row.UpdatedAt = receivedAt;
            (row.ErrorCode, row.ErrorReason) = (errorCode, reason);
        }

        if (keep)
        {
            events.Add(new StatusEventRow(SeededIds.Version7(receivedAt, random), row.Id, row.ProviderMessageId!, status, sequence,
                providerTime, receivedAt, errorCode, reason));
        }

        return true;
    }

    private void Queue(MessageRow row, long created)
    {
        row.Status = MessageStatus.Queued;
        if (random.Next(3) > 0)
        {
            row.NextAttemptAt = created;
            row.UpdatedAt = created;
            return;
        }

        (row.Attempts, row.ErrorCode, row.ErrorReason) = (1, "plivo_503", "Plivo answered 503 with an empty body.");
        row.UpdatedAt = created + 300 + random.Next(1_000);
        row.NextAttemptAt = row.UpdatedAt + 2_000 + random.Next(30_000);
    }

    private long Exponential(long mean) => (long)(-Math.Log(1 - random.NextDouble()) * mean);
}
