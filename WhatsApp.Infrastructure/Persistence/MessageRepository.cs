using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence;

internal sealed class MessageRepository(IDbContextFactory<WhatsAppDbContext> contexts, IUnitOfWork unitOfWork) : IMessageRepository
{
    public async Task AddAsync(Message message, IdempotencyRecord? idempotency, CancellationToken ct)
    {
        var stored = await unitOfWork.ExecuteAsync(
            async (writes, token) =>
            {
                // The key first: a request that lost the race for it writes nothing.
                if (idempotency is not null && !await writes.TryAddIdempotencyKeyAsync(idempotency, token))
                {
                    return false;
                }

                return await Conversations.StoreAsync(writes, message, token)
                    ? true
                    : throw new InvalidOperationException($"Message {message.Id} is already stored.");
            },
            ct);
        if (!stored)
        {
            throw new DuplicateIdempotencyKeyException(idempotency!.Key);
        }
    }

    public Task<bool> TryAddResendAsync(Message resend, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resend);
        var originalId = resend.ResendOf ?? throw new ArgumentException("Not a resend.", nameof(resend));

        // The resend's content was copied when it was built: an erasure of the contact committed since then must not
        // be undone by it. The id is new, so the only key the insert can meet is the unique resend_of.
        return unitOfWork.ExecuteAsync(
            async (writes, token) => await writes.HasContentAsync(originalId, token) && await Conversations.StoreAsync(writes, resend, token),
            ct);
    }

    public async Task<Message?> FindResendOfAsync(Guid originalId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ResendOf == originalId, ct);
    }

    public async Task<Message?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
    }

    public async Task<IReadOnlyList<MessageStatusEvent>> GetStatusHistoryAsync(Guid messageId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.StatusEvents.AsNoTracking()
            .Where(e => e.MessageId == messageId)
            .OrderBy(e => e.ReceivedAt)
            .ToListAsync(ct);
    }
}
