namespace WhatsApp.Domain.Messages;

/// <summary>
/// Keeps a message's current status monotonic: queued &lt; sending &lt; outcome_unknown &lt; sent &lt; delivered &lt; read.
/// Failed and undelivered are final and never overwritten by a late sent or delivered report; outcome_unknown is final
/// for the dispatcher (never resent) but a provider report resolves it: any report Plivo makes on the message moves it
/// on (to sent, delivered, read, failed or undelivered), because a report proves Plivo had the message.
/// </summary>
public static class MessageStatusRules
{
    public static bool IsFinal(MessageStatus status) =>
        status is MessageStatus.Failed or MessageStatus.Undelivered or MessageStatus.Read or MessageStatus.Received;

    public static int Rank(MessageStatus status) => status switch
    {
        MessageStatus.Queued => 0,
        MessageStatus.Sending => 1,
        MessageStatus.OutcomeUnknown => 2,
        MessageStatus.Sent => 3,
        MessageStatus.Delivered => 4,
        MessageStatus.Read => 5,
        MessageStatus.Failed => 6,
        MessageStatus.Undelivered => 6,
        MessageStatus.Received => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// What a provider report of <paramref name="reported"/> means for a message that is <paramref name="current"/>.
    /// Plivo's <c>queued</c> says Plivo holds the message, which is what our <c>sent</c> says; for a message we do
    /// not know to be there yet (queued for a retry, sending, outcome unknown) it means exactly that, and it never
    /// sends the message back to our queue.
    /// </summary>
    public static MessageStatus Reported(MessageStatus current, MessageStatus reported) =>
        reported == MessageStatus.Queued && Rank(current) < Rank(MessageStatus.Sent) ? MessageStatus.Sent : reported;

    /// <summary>Whether a provider report of <paramref name="next"/> may replace <paramref name="current"/>.</summary>
    public static bool CanAdvance(MessageStatus current, MessageStatus next)
    {
        if (current == next || current is MessageStatus.Failed or MessageStatus.Undelivered or MessageStatus.Received)
        {
            return false;
        }

        // A late failure report still wins over sent/delivered: the provider knows better than our optimism.
        if (next is MessageStatus.Failed or MessageStatus.Undelivered)
        {
            return current != MessageStatus.Read;
        }

        return Rank(next) > Rank(current);
    }

    /// <summary>
    /// What a message that is <paramref name="current"/> becomes from its <paramref name="reports"/>, weighed oldest
    /// first; null when none of them moves it.
    /// </summary>
    public static StatusChange? Weigh(MessageStatus current, IEnumerable<MessageStatusEvent> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var status = current;
        MessageStatusEvent? decisive = null;
        foreach (var report in reports)
        {
            var next = Reported(status, report.Status);
            if (CanAdvance(status, next))
            {
                status = next;
                decisive = report;
            }
        }

        if (decisive is null)
        {
            return null;
        }

        var failed = status is MessageStatus.Failed or MessageStatus.Undelivered;
        return new StatusChange(
            status,
            PredecessorsOf(status),
            failed ? decisive.ErrorCode : null,
            failed ? decisive.Reason : null,
            // A send whose outcome was unknown (or a retry pending) carries that error; the report settles it.
            [MessageStatus.Queued, MessageStatus.Sending, MessageStatus.OutcomeUnknown]);
    }

    /// <summary>The statuses a report of <paramref name="next"/> may replace (for a guarded, atomic update).</summary>
    public static IReadOnlyList<MessageStatus> PredecessorsOf(MessageStatus next) =>
        Enum.GetValues<MessageStatus>().Where(current => CanAdvance(current, next)).ToList();
}
