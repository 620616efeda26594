using WhatsApp.Domain.Common;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Services;

/// <summary>Accepts send requests: stores them as queued outbound messages, once per idempotency key.</summary>
public sealed class MessageSendingService(
    IUnitOfWork unitOfWork,
    IMessageRepository messages,
    IIdempotencyStore idempotency,
    IDispatchSignal dispatchSignal,
    IContactRepository contacts,
    SendingPolicy policy,
    TimeProvider time)
{
    public async Task<AcceptedMessage> AcceptAsync(SendMessageCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.IdempotencyKey is { } key)
        {
            var replay = await FindReplayAsync(command, key, ct);
            if (replay is not null)
            {
                return replay;
            }
        }

        var now = time.GetUtcNow();
        var outsideWindow = await ServiceWindowRule.IsOutsideAsync(contacts, policy, command.To, command.Type, now, ct);
        var message = Message.CreateOutbound(
            Guid.CreateVersion7(now), command.From, command.To, command.Type, command.Content, command.ClientName, now, command.Metadata, command.SentBy);
        if (outsideWindow)
        {
            message.FlagOutsideWindow();
        }
        var record = command.IdempotencyKey is null
            ? null
            : new IdempotencyRecord(command.ClientName, command.IdempotencyKey, command.RequestFingerprint ?? string.Empty, message.Id, now);
        if (!await unitOfWork.ExecuteAsync((writes, token) => NewMessages.StoreSendAsync(writes, message, record, token), ct))
        {
            // A concurrent request with the same key won the race; answer as it did.
            return await FindReplayAsync(command, command.IdempotencyKey!, ct)
                ?? throw new InvalidOperationException("Idempotency record vanished after a key conflict.");
        }

        dispatchSignal.Notify(message);
        return new AcceptedMessage(message, Replayed: false);
    }

    private async Task<AcceptedMessage?> FindReplayAsync(SendMessageCommand command, string key, CancellationToken ct)
    {
        var existing = await idempotency.FindAsync(command.ClientName, key, ct);
        if (existing is null)
        {
            return null;
        }

        if (!string.Equals(existing.RequestFingerprint, command.RequestFingerprint ?? string.Empty, StringComparison.Ordinal))
        {
            throw new ConflictException("This Idempotency-Key was already used with a different request body.");
        }

        var message = await messages.FindAsync(existing.MessageId, ct)
            ?? throw new InvalidOperationException($"Idempotency key points at missing message {existing.MessageId}.");
        return new AcceptedMessage(message, Replayed: true);
    }
}
