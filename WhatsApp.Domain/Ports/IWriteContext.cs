using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Domain.Ports;

/// <summary>
/// The writes a unit of work can make (<see cref="IUnitOfWork"/>): typed operations whose SQL persistence chooses.
/// Each "Try" answers false, writing nothing, when a unique key says the row is there already.
/// </summary>
public interface IWriteContext : IMessageWrites, IStatusReportWrites, IWebhookWrites, IOutboxWrites, IErasureWrites, IEventWrites, IConversationWrites
{
    /// <summary>The contact's conversation summary, held for this unit until it ends.</summary>
    Task<Contact?> FindContactAsync(string number, CancellationToken ct);

    /// <summary>Stores a contact <see cref="FindContactAsync"/> did not find; if another writer created it meanwhile, the work runs again.</summary>
    Task AddContactAsync(Contact contact, CancellationToken ct);

    /// <summary>Stores a contact that <see cref="FindContactAsync"/> returned and the domain changed.</summary>
    Task UpdateContactAsync(Contact contact, CancellationToken ct);
}

public interface IMessageWrites
{
    /// <summary>False when a message with its id, provider id or <c>resend_of</c> is stored already.</summary>
    Task<bool> TryAddMessageAsync(Message message, CancellationToken ct);

    /// <summary>False when another request holds the client's key.</summary>
    Task<bool> TryAddIdempotencyKeyAsync(IdempotencyRecord record, CancellationToken ct);

    /// <summary>Whether the message is stored with its content (not erased).</summary>
    Task<bool> HasContentAsync(Guid messageId, CancellationToken ct);

    /// <summary>The outbound message Plivo knows by <paramref name="providerMessageId"/>, if we do.</summary>
    Task<OutboundMessageState?> FindOutboundAsync(string providerMessageId, CancellationToken ct);

    /// <summary>Applies a change weighed by <see cref="MessageStatusRules.Weigh"/>, if the message is still in one of its <c>From</c> statuses.</summary>
    Task<bool> ChangeStatusAsync(Guid messageId, StatusChange change, DateTimeOffset now, CancellationToken ct);

    /// <summary>Gives the outbound message the provider id, if it has none and no other message holds that id.</summary>
    Task ClaimProviderIdAsync(Guid messageId, string providerMessageId, CancellationToken ct);

    Task SetConversationAsync(string providerMessageId, ConversationInfo conversation, CancellationToken ct);
}

public interface IStatusReportWrites
{
    /// <summary>False when the same report (provider id, status, sequence) is stored already.</summary>
    Task<bool> TryAddStatusReportAsync(MessageStatusEvent report, CancellationToken ct);

    /// <summary>Whether <paramref name="providerMessageId"/> has reports not yet weighed: one cheap lookup, almost always no.</summary>
    Task<bool> HasWaitingReportsAsync(string providerMessageId, CancellationToken ct);

    /// <summary>The reports of <paramref name="providerMessageId"/> not yet weighed, oldest first.</summary>
    Task<IReadOnlyList<MessageStatusEvent>> WaitingReportsAsync(string providerMessageId, CancellationToken ct);

    Task MarkAppliedAsync(IReadOnlyList<MessageStatusEvent> reports, Guid messageId, CancellationToken ct);
}

public interface IWebhookWrites
{
    /// <summary>False when the nonce was seen less than <paramref name="replayWindow"/> ago: a replay.</summary>
    Task<bool> TryTakeNonceAsync(string nonce, DateTimeOffset now, TimeSpan replayWindow, CancellationToken ct);

    Task AddReceiptAsync(WebhookReceipt receipt, CancellationToken ct);

    Task<WebhookReceipt?> FindReceiptAsync(Guid id, CancellationToken ct);

    /// <summary>Stores a found receipt's new outcome, processing time and error.</summary>
    Task UpdateReceiptAsync(WebhookReceipt receipt, CancellationToken ct);
}

public interface IOutboxWrites
{
    /// <summary>
    /// Leases up to <paramref name="max"/> queued messages that are due and that nobody holds to
    /// <paramref name="leaseOwner"/> until <paramref name="leaseUntil"/>, and loads them, the soonest due first.
    /// </summary>
    Task<IReadOnlyList<Message>> ClaimDueAsync(string leaseOwner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct);

    /// <summary>Stores a claimed message as being sent and extends the lease, if <paramref name="leaseOwner"/> still holds it.</summary>
    Task<bool> TryStartSendingAsync(Message message, string leaseOwner, DateTimeOffset leaseUntil, CancellationToken ct);

    /// <summary>Marks messages left sending by a lease that ran out (a crashed dispatcher) outcome unknown; which.</summary>
    Task<IReadOnlyList<OutboundMessageState>> ReleaseAbandonedAsync(DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Stores a send's outcome and frees the message's lease while it is still sending (or outcome unknown, its lease
    /// having run out). False, writing nothing, when a status report settled it first.
    /// </summary>
    Task<bool> TrySaveSendOutcomeAsync(Message message, CancellationToken ct);

    /// <summary>A send a status report settled while it was in flight: only the attempt, the send time and a missing provider id.</summary>
    Task SaveSettledSendAsync(Message message, CancellationToken ct);
}
