using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Observability;

/// <summary>Counts accepted messages once they are stored.</summary>
internal sealed class MeteredMessageRepository(IMessageRepository inner, GatewayMetrics metrics) : IMessageRepository
{
    public async Task AddAsync(Message message, IdempotencyRecord? idempotency, CancellationToken ct)
    {
        await inner.AddAsync(message, idempotency, ct);
        metrics.Accepted(message);
    }

    public Task<Message?> FindAsync(Guid id, CancellationToken ct) => inner.FindAsync(id, ct);

    public async Task<bool> TryAddResendAsync(Message resend, CancellationToken ct)
    {
        var added = await inner.TryAddResendAsync(resend, ct);
        if (added)
        {
            metrics.Accepted(resend);
        }

        return added;
    }

    public Task<Message?> FindResendOfAsync(Guid originalId, CancellationToken ct) => inner.FindResendOfAsync(originalId, ct);

    public Task<IReadOnlyList<MessageStatusEvent>> GetStatusHistoryAsync(Guid messageId, CancellationToken ct) =>
        inner.GetStatusHistoryAsync(messageId, ct);
}

/// <summary>Counts each stored attempt outcome, and the messages a dead dispatcher left in flight.</summary>
internal sealed class MeteredOutbox(IOutbox inner, GatewayMetrics metrics) : IOutbox
{
    public Task<IReadOnlyList<Message>> ClaimDueAsync(int max, CancellationToken ct) => inner.ClaimDueAsync(max, ct);

    public Task<bool> TryStartSendingAsync(Message message, CancellationToken ct) => inner.TryStartSendingAsync(message, ct);

    public async Task SaveOutcomeAsync(Message message, CancellationToken ct)
    {
        await inner.SaveOutcomeAsync(message, ct);
        metrics.Attempted(message);
    }

    public async Task<int> ReleaseAbandonedAsync(CancellationToken ct)
    {
        var released = await inner.ReleaseAbandonedAsync(ct);
        metrics.OutcomesUnknown(released);
        return released;
    }
}
