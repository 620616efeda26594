using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Configurations;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>Messages and webhook receipts carrying every kind of content the eraser must remove.</summary>
internal static class ErasureTestData
{
    public const string OurNumber = "+14155550100";
    public const string Secret = "my secret diagnosis";

    public static Message SentText(string contact, DateTimeOffset at, string body = Secret)
    {
        var message = Message.CreateOutbound(Guid.CreateVersion7(at), OurNumber, contact, MessageType.Text, MessageContent.ForText(body), "tests", at);
        message.MarkSending(at);
        message.MarkSent($"prov-{Guid.NewGuid():N}", at.AddSeconds(1));
        return message;
    }

    public static Message FailedTemplate(string contact, DateTimeOffset at)
    {
        var template = new TemplateContent("order_update", "en_US",
            [new TemplateComponent("body", null, null, [new TemplateParameter("text", Text: Secret)])]);
        var message = Message.CreateOutbound(Guid.CreateVersion7(at), OurNumber, contact, MessageType.Template, new MessageContent(Template: template), "tests", at);
        message.MarkSending(at);
        message.MarkFailed("131026", "Message undeliverable", at.AddSeconds(1));
        return message;
    }

    public static Message DeliveredInteractive(string contact, DateTimeOffset at)
    {
        var interactive = new InteractiveContent("button", null, new InteractiveText(Secret), null,
            new InteractiveAction([new InteractiveButton("yes", "Yes", null)], null));
        var message = Message.CreateOutbound(Guid.CreateVersion7(at), OurNumber, contact, MessageType.Interactive, new MessageContent(Interactive: interactive), "tests", at);
        message.MarkSending(at);
        message.MarkSent($"prov-{Guid.NewGuid():N}", at);
        return message;
    }

    public static Message Queued(string contact, DateTimeOffset at) =>
        Message.CreateOutbound(Guid.CreateVersion7(at), OurNumber, contact, MessageType.Text, MessageContent.ForText(Secret), "tests", at);

    public static Message InboundMediaReply(string contact, DateTimeOffset at)
    {
        var details = new InboundDetails("image", ["https://media.plivo.com/x.jpg"], "image/jpeg", "pay-1", "Yes please", "ctx-uuid",
            new Dictionary<string, string> { ["From"] = contact.TrimStart('+'), ["Body"] = Secret, ["Media0"] = "https://media.plivo.com/x.jpg" });
        var content = new MessageContent(Text: Secret, MediaUrl: "https://media.plivo.com/x.jpg",
            Location: new LocationContent("52.52", "13.40", "Home", "Secret street 1"));
        return Message.CreateInbound(Guid.CreateVersion7(at), contact, OurNumber, $"in-{Guid.NewGuid():N}", MessageType.Media, content, details, at);
    }

    /// <summary>A reaction: nothing in the content columns, only the raw fields hold what was sent.</summary>
    public static Message InboundReaction(string contact, DateTimeOffset at)
    {
        var details = new InboundDetails("reaction", [], null, null, null, null,
            new Dictionary<string, string> { ["From"] = contact.TrimStart('+'), ["Emoji"] = "😢" });
        return Message.CreateInbound(Guid.CreateVersion7(at), contact, OurNumber, $"in-{Guid.NewGuid():N}", MessageType.Unknown, new MessageContent(), details, at);
    }

    public static MessageStatusEvent DeliveredEvent(Message message, DateTimeOffset at)
    {
        var report = new StatusReport(message.ProviderMessageId!, MessageStatus.Delivered, "2", at, null, null, null);
        var statusEvent = MessageStatusEvent.From(report, Guid.CreateVersion7(at), at);
        statusEvent.MarkApplied(message.Id);
        return statusEvent;
    }

    public static WebhookReceipt Receipt(string contact, DateTimeOffset at, string method = "POST")
    {
        var url = method == "GET" ? $"https://gateway.example.com/api/webhooks/plivo?Body={Uri.EscapeDataString(Secret)}" : "https://gateway.example.com/api/webhooks/plivo";
        var delivery = new WebhookDelivery($"nonce-{Guid.NewGuid():N}", "v3", method, url,
            [new("From", contact.TrimStart('+')), new("Body", Secret), new("MessageUUID", Guid.NewGuid().ToString())], at);
        return WebhookReceipt.From(delivery, Guid.CreateVersion7(at), "inbound", contact);
    }

    public static async Task SaveAsync(IDbContextFactory<WhatsAppDbContext> contexts, params object[] entities)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public static async Task<Message> LoadAsync(IDbContextFactory<WhatsAppDbContext> contexts, Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static async Task<string?> SearchTextAsync(IDbContextFactory<WhatsAppDbContext> contexts, Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Messages.Where(m => m.Id == id).Select(m => EF.Property<string?>(m, MessageConfiguration.SearchText)).SingleAsync();
    }

    public static async Task<WebhookReceipt> LoadReceiptAsync(IDbContextFactory<WhatsAppDbContext> contexts, Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.WebhookReceipts.AsNoTracking().SingleAsync(r => r.Id == id);
    }
}
