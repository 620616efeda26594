using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>Turns one receipt into stored facts: an inbound message and the contact's window, or a status report.</summary>
internal static class WebhookProcessor
{
    public static async Task<WebhookOutcome> ApplyAsync(WhatsAppDbContext db, WebhookReceipt receipt, DateTimeOffset now, CancellationToken ct)
    {
        var fields = new PlivoFields(receipt.Fields);
        return receipt.Kind switch
        {
            PlivoWebhookParser.InboundKind => await ApplyInboundAsync(db, PlivoWebhookParser.ParseInbound(fields), receipt.ReceivedAt, ct),
            PlivoWebhookParser.StatusKind => await ApplyStatusAsync(db, PlivoWebhookParser.ParseStatus(fields), receipt.ReceivedAt, now, ct),
            _ => throw new FormatException("Neither an inbound message (From and MessageUUID) nor a status report (Status)."),
        };
    }

    private static async Task<WebhookOutcome> ApplyInboundAsync(WhatsAppDbContext db, InboundMessage inbound, DateTimeOffset receivedAt, CancellationToken ct)
    {
        if (await db.Messages.AnyAsync(m => m.ProviderMessageId == inbound.ProviderMessageId, ct))
        {
            return WebhookOutcome.Duplicate;
        }

        var message = Message.CreateInbound(
            Guid.CreateVersion7(receivedAt), inbound.From, inbound.To, inbound.ProviderMessageId, inbound.Type, inbound.Content, inbound.Details, receivedAt);
        db.Messages.Add(message);
        await ConversationSummary.RecordAsync(db, message, ct);
        await db.SaveChangesAsync(ct);
        return WebhookOutcome.Processed;
    }

    private static async Task<WebhookOutcome> ApplyStatusAsync(
        WhatsAppDbContext db, StatusReport report, DateTimeOffset receivedAt, DateTimeOffset now, CancellationToken ct)
    {
        var sequence = report.Sequence ?? string.Empty;
        var duplicate = await db.StatusEvents.AnyAsync(
            e => e.ProviderMessageId == report.ProviderMessageId && e.Status == report.Status && e.Sequence == sequence, ct);
        if (duplicate)
        {
            return WebhookOutcome.Duplicate;
        }

        db.StatusEvents.Add(MessageStatusEvent.From(report, Guid.CreateVersion7(receivedAt), receivedAt));
        await db.SaveChangesAsync(ct);
        if (report.Conversation is { } conversation)
        {
            await db.Messages
                .Where(m => m.ProviderMessageId == report.ProviderMessageId && m.Direction == MessageDirection.Outbound)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Conversation, conversation), ct);
        }

        await StatusApplier.ApplyPendingAsync(db, report.ProviderMessageId, now, ct);
        return WebhookOutcome.Processed;
    }
}
