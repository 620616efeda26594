namespace WhatsApp.Domain.Messages;

/// <summary>
/// Keeps a message's current status monotonic: queued &lt; sending &lt; outcome_unknown &lt; sent &lt; delivered &lt; read.
/// Failed and undelivered are final and never overwritten by a late sent or delivered report; outcome_unknown is final
/// for the dispatcher (never resent) but a provider report that resolves it is welcome.
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

    /// <summary>The statuses a report of <paramref name="next"/> may replace (for a guarded, atomic update).</summary>
    public static IReadOnlyList<MessageStatus> PredecessorsOf(MessageStatus next) =>
        Enum.GetValues<MessageStatus>().Where(current => CanAdvance(current, next)).ToList();
}
