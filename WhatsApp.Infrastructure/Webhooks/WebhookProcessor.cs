using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Configurations;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>Turns one receipt into stored facts: an inbound message and the contact's window, or a status report.</summary>
internal static class WebhookProcessor
{
    /// <summary>Applies <paramref name="receipt"/>, whose fields the caller has already read into <paramref name="fields"/>.</summary>
    public static async Task<WebhookOutcome> ApplyAsync(
        WriteSession session, WebhookReceipt receipt, PlivoFields fields, DateTimeOffset now, CancellationToken ct)
    {
        return receipt.Kind switch
        {
            PlivoWebhookParser.InboundKind => await ApplyInboundAsync(session, PlivoWebhookParser.ParseInbound(fields), receipt.ReceivedAt, ct),
            PlivoWebhookParser.StatusKind => await ApplyStatusAsync(session, PlivoWebhookParser.ParseStatus(fields), receipt.ReceivedAt, now, ct),
            _ => throw new FormatException("Neither an inbound message (From and MessageUUID) nor a status report (Status)."),
        };
    }

    private static async Task<WebhookOutcome> ApplyInboundAsync(WriteSession session, InboundMessage inbound, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var message = Message.CreateInbound(
            Guid.CreateVersion7(receivedAt), inbound.From, inbound.To, inbound.ProviderMessageId, inbound.Type, inbound.Content, inbound.Details, receivedAt);

        // The unique provider id makes a redelivered message a no-op.
        var searchText = (MessageConfiguration.SearchText, (object?)WhatsAppDbContext.SearchTextOf(message.Content.Text));
        if (await session.Insert(message, null, searchText).ExecuteNonQueryAsync(ct) == 0)
        {
            return WebhookOutcome.Duplicate;
        }

        await ConversationSummary.RecordAsync(session, message, ct);
        return WebhookOutcome.Processed;
    }

    private static async Task<WebhookOutcome> ApplyStatusAsync(
        WriteSession session, StatusReport report, DateTimeOffset receivedAt, DateTimeOffset now, CancellationToken ct)
    {
        // Unique on (provider id, status, sequence): a redelivered report is a no-op.
        if (await session.Insert(MessageStatusEvent.From(report, Guid.CreateVersion7(receivedAt), receivedAt), null).ExecuteNonQueryAsync(ct) == 0)
        {
            return WebhookOutcome.Duplicate;
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
