using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Services;

/// <summary>
/// Sends due outbound messages: claims them from the outbox, paces them per sender, makes one attempt each and
/// records the outcome. A message is resent only when the provider certainly did not take it.
/// </summary>
public sealed class MessageDispatcher(
    IOutbox outbox,
    IMessagingProvider provider,
    ISenderPacer pacer,
    DispatchPolicy policy,
    TimeProvider time)
{
    /// <summary>Gives up on messages abandoned mid-request by a dead dispatcher, then leases up to <paramref name="max"/> due ones.</summary>
    public async Task<IReadOnlyList<Message>> ClaimDueAsync(int max, CancellationToken ct)
    {
        await outbox.ReleaseAbandonedAsync(ct);
        return await outbox.ClaimDueAsync(max, ct);
    }

    /// <summary>Sends one claimed message and stores the outcome.</summary>
    /// <param name="message">A message this dispatcher has claimed.</param>
    /// <param name="ct">
    /// The dispatcher's stop. It cancels only the waits before the message is marked as sending (it then goes back to
    /// the queue); a request already in flight runs to its answer, bounded by the provider's own attempt timeout, and
    /// the answer is stored, so a routine stop leaves no outcome unknown.
    /// </param>
    public async Task DispatchOneAsync(Message message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Content.IsEmpty)
        {
            await FailErasedAsync(message, ct);
            return;
        }

        await pacer.WaitAsync(message.From, ct);

        // The gate comes before the message is marked as sending: one waiting here is still queued under its lease, so
        // a crash leaves it to be claimed again, not "outcome unknown" for a request that never left.
        IDisposable permit;
        try
        {
            permit = await pacer.EnterSendAsync(message.From, ct);
        }
        catch (Exception ex)
        {
            // Stopped at the gate (shutdown, or a pacer shared through the database that could not reach it): certainly
            // not sent, so it goes back to the queue now rather than when its lease expires, if the lease is still ours.
            var now = time.GetUtcNow();
            message.MarkSending(now);
            if (await outbox.TryStartSendingAsync(message, CancellationToken.None))
            {
                if (ex is OperationCanceledException)
                {
                    message.ScheduleRetry("dispatcher_stopped", "The dispatcher stopped before sending; not sent.", now, now);
                }
                else
                {
                    message.ScheduleRetry("pacing_unavailable", "The per-sender pace could not be checked; not sent.", now, now);
                }

                await outbox.SaveOutcomeAsync(message, CancellationToken.None);
            }

            throw;
        }

        SendResult result;
        using (permit)
        {
            message.MarkSending(time.GetUtcNow());
            if (!await outbox.TryStartSendingAsync(message, ct))
            {
                return;
            }

            // Not the stop: a cancelled request leaves the provider's answer unknown, although it may well have sent it.
            result = await provider.SendAsync(message, CancellationToken.None);
        }

        Apply(message, result);
        await SaveOutcomeAsync(message);
    }

    /// <summary>
    /// The contact was erased while an earlier attempt was in flight, and that attempt ended in a retry: nothing is
    /// left to send, so the message fails as a queued one does at erasure, instead of going out empty. No request is made.
    /// </summary>
    private async Task FailErasedAsync(Message message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        message.MarkSending(now);
        if (await outbox.TryStartSendingAsync(message, ct))
        {
            message.MarkFailed(MessageContent.ErasedErrorCode, MessageContent.ErasedReason, now);
            await SaveOutcomeAsync(message);
        }
    }

    // The attempt happened: its outcome is stored even when the stop came meanwhile (the outbox retries a failed save).
    private Task SaveOutcomeAsync(Message message) => outbox.SaveOutcomeAsync(message, CancellationToken.None);

    private void Apply(Message message, SendResult result)
    {
        var now = time.GetUtcNow();
        switch (result)
        {
            case SendResult.Accepted accepted:
                message.MarkSent(accepted.ProviderMessageId, now);
                break;
            case SendResult.Rejected rejected:
                message.MarkFailed(rejected.ErrorCode, rejected.Reason, now);
                break;
            case SendResult.RetryLater retry when OutOfRetries(message, now):
                message.MarkFailed(retry.ErrorCode, $"Gave up after {message.Attempts} attempts: {retry.Reason}", now);
                break;
            case SendResult.RetryLater retry:
                var delay = policy.NextDelay(message.Attempts, retry.RetryAfter, Random.Shared.NextDouble());
                message.ScheduleRetry(retry.ErrorCode, retry.Reason, now + delay, now);
                break;
            case SendResult.OutcomeUnknown unknown:
                message.MarkOutcomeUnknown(unknown.Reason, now);
                break;
            default:
                throw new InvalidOperationException($"Unexpected send result {result.GetType().Name}.");
        }
    }

    private bool OutOfRetries(Message message, DateTimeOffset now) =>
        message.Attempts >= policy.MaxAttempts || now - message.CreatedAt >= policy.RetryWindow;
}
