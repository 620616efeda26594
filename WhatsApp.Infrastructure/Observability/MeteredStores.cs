using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Observability;

/// <summary>Counts each message accepted for sending, once it is stored.</summary>
internal sealed class MeteredDispatchSignal(IDispatchSignal inner, GatewayMetrics metrics) : IDispatchSignal
{
    public void Notify(Message stored)
    {
        metrics.Accepted(stored);
        inner.Notify(stored);
    }
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
