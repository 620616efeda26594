using System.Text.Json;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Services;

/// <summary>
/// The explicit resend staff decide on: an outbound message whose send failed, or whose outcome is unknown, goes out
/// again as a new message linked to it. Never automatic (a resend of a message Plivo did take delivers it twice), and
/// at most once per message, even for concurrent requests: a resend that fails too is resent in turn.
/// </summary>
public sealed class MessageResendingService(
    IUnitOfWork unitOfWork,
    IMessageRepository messages,
    IDispatchSignal dispatchSignal,
    IContactRepository contacts,
    SendingPolicy policy,
    TimeProvider time)
{
    /// <summary>
    /// The new, queued message. Throws <see cref="NotFoundException"/> for an unknown id, <see cref="ConflictException"/>
    /// for an inbound message, one in any other status, one whose content was erased or one resent before, and
    /// <see cref="WindowClosedException"/> as a new send would.
    /// </summary>
    public async Task<Message> ResendAsync(Guid id, CancellationToken ct)
    {
        var original = await messages.FindAsync(id, ct) ?? throw new NotFoundException("Message", id.ToString());
        if (original.Direction != MessageDirection.Outbound)
        {
            throw new ConflictException($"Message {id} is inbound; only outbound messages can be resent.");
        }

        if (original.Status is not (MessageStatus.OutcomeUnknown or MessageStatus.Failed))
        {
            throw new ConflictException(
                $"Message {id} is {WireName(original.Status)}; only an outcome_unknown or failed message can be resent.");
        }

        if (original.Content.IsEmpty)
        {
            throw Erased(id);
        }

        var now = time.GetUtcNow();
        var outsideWindow = await ServiceWindowRule.IsOutsideAsync(contacts, policy, original.To, original.Type, now, ct);
        var resend = Message.CreateResend(original, Guid.CreateVersion7(now), now);
        if (outsideWindow)
        {
            resend.FlagOutsideWindow();
        }

        if (!await unitOfWork.ExecuteAsync((writes, token) => NewMessages.StoreResendAsync(writes, resend, token), ct))
        {
            // Not stored: resent by someone else meanwhile, or else the contact was erased meanwhile.
            var earlier = await messages.FindResendOfAsync(id, ct);
            throw earlier is null
                ? Erased(id)
                : new ConflictException($"Message {id} was already resent as {earlier.Id}; resend that one if it fails too.");
        }

        dispatchSignal.Notify(resend);
        return resend;
    }

    private static ConflictException Erased(Guid id) => new($"The content of message {id} was erased; it cannot be resent.");

    /// <summary>A status as the API spells it (<c>OutcomeUnknown</c> is <c>outcome_unknown</c>): the API's own naming policy.</summary>
    private static string WireName(MessageStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
