using System.Runtime.ExceptionServices;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>Turns one receipt into stored facts: an inbound message and the contact's window, or a status report.</summary>
internal static class WebhookProcessor
{
    /// <summary>
    /// An inbound message's rows, converted before the write on the request's thread, or why the message could not be
    /// read (thrown when it is applied, so that it is recorded on the receipt as any processing failure is).
    /// </summary>
    public sealed class PreparedInbound
    {
        internal PreparedRow? Message { get; init; }

        internal PreparedRow? Summary { get; init; }

        internal ExceptionDispatchInfo? Failure { get; init; }
    }

    /// <summary>The rows of an inbound message (null for any other <paramref name="kind"/>), for <see cref="ApplyAsync"/>.</summary>
    public static PreparedInbound? Prepare(WriteQueue writes, string kind, PlivoFields fields, DateTimeOffset receivedAt)
    {
        if (kind != PlivoWebhookParser.InboundKind)
        {
            return null;
        }

        try
        {
            var inbound = PlivoWebhookParser.ParseInbound(fields);
            var message = Message.CreateInbound(
                Guid.CreateVersion7(receivedAt), inbound.From, inbound.To, inbound.ProviderMessageId, inbound.Type, inbound.Content, inbound.Details, receivedAt);
            return new PreparedInbound
            {
                Message = MessageRows.Prepare(writes, message),
                Summary = ConversationSummary.Prepare(writes, message),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new PreparedInbound { Failure = ExceptionDispatchInfo.Capture(ex) };
        }
    }

    /// <summary>
    /// Applies <paramref name="receipt"/>, whose fields the caller has already read into <paramref name="fields"/>; an
    /// inbound message from the rows <see cref="Prepare"/> made of them.
    /// </summary>
    public static async Task<WebhookOutcome> ApplyAsync(
        WriteSession session, WebhookReceipt receipt, PlivoFields fields, DateTimeOffset now, PreparedInbound? inbound, CancellationToken ct)
    {
        return receipt.Kind switch
        {
            PlivoWebhookParser.InboundKind => await ApplyInboundAsync(
                session, inbound ?? throw new InvalidOperationException("An inbound receipt is applied from its prepared rows."), ct),
            PlivoWebhookParser.StatusKind => await ApplyStatusAsync(
                session, PlivoWebhookParser.ParseStatus(fields), StatusCallbackRef.Of(receipt), receipt.ReceivedAt, now, ct),
            _ => throw new FormatException("Neither an inbound message (From and MessageUUID) nor a status report (Status)."),
        };
    }

    private static async Task<WebhookOutcome> ApplyInboundAsync(WriteSession session, PreparedInbound inbound, CancellationToken ct)
    {
        inbound.Failure?.Throw();

        // The unique provider id makes a redelivered message a no-op.
        if (await session.InsertAsync(inbound.Message!, ct) == 0)
        {
            return WebhookOutcome.Duplicate;
        }

        await session.InsertAsync(inbound.Summary!, ct);
        return WebhookOutcome.Processed;
    }

    /// <summary>
    /// A report is matched by its MessageUUID. One whose callback URL names its message (<paramref name="reference"/>)
    /// first gives that message Plivo's uuid if it has none yet (its send outcome unknown, or its answer not stored
    /// yet), so the uuid match then finds it. A message that already has a uuid keeps it, and a reference to no
    /// outbound message of ours, or a uuid another message holds, changes nothing: the report is matched by its uuid alone.
    /// </summary>
    private static async Task<WebhookOutcome> ApplyStatusAsync(
        WriteSession session, StatusReport report, Guid? reference, DateTimeOffset receivedAt, DateTimeOffset now, CancellationToken ct)
    {
        // Unique on (provider id, status, sequence): a redelivered report is a no-op.
        if (await session.InsertAsync(MessageStatusEvent.From(report, Guid.CreateVersion7(receivedAt), receivedAt), null, ct) == 0)
        {
            return WebhookOutcome.Duplicate;
        }

        if (reference is { } messageId)
        {
            await session.Sql<Message>(WriteSql.ClaimProviderIdByRef)
                .Set("@provider_id", nameof(Message.ProviderMessageId), report.ProviderMessageId)
                .Set("@id", nameof(Message.Id), messageId)
                .Set("@outbound", nameof(Message.Direction), MessageDirection.Outbound)
                .ExecuteAsync(ct);
        }

        if (report.Conversation is { } conversation)
        {
            await session.Sql<Message>(WriteSql.SetConversation)
                .Set("@conversation", nameof(Message.Conversation), conversation)
                .Set("@provider_id", nameof(Message.ProviderMessageId), report.ProviderMessageId)
                .Set("@outbound", nameof(Message.Direction), MessageDirection.Outbound)
                .ExecuteAsync(ct);
        }

        await StatusApplier.ApplyPendingAsync(session, report.ProviderMessageId, now, ct);
        return WebhookOutcome.Processed;
    }
}
