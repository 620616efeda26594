using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Tests.Integration.Persistence.QueryPlans;

/// <summary>
/// Two days of messages of every direction, type and outcome, with their contacts' summaries, written straight
/// through EF. Each value the cases filter by is rare (one row in fifty), as one contact or one error code is among
/// millions of messages: a planner with statistics then weighs an index against a walk as it would in production,
/// where a walk filtering a common value (every other row inbound) would stop early and could rightly win.
/// </summary>
internal static class PlanSeed
{
    public const string Customer = "+14155550001";
    public const string ErrorCode = "470";
    public const string TemplateName = "order_update";
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private const string OurNumber = "+14155550100";

    public static async Task SeedAsync(TestDatabase database, int count = 2500)
    {
        var messages = Enumerable.Range(0, count).Select(Build).ToList();
        var contacts = new Dictionary<string, Contact>();
        foreach (var message in messages)
        {
            if (!contacts.TryGetValue(message.Contact, out var contact))
            {
                contacts[message.Contact] = contact = Contact.For(message);
            }

            contact.Record(message);
        }

        await using var db = database.CreateDbContext();
        db.Messages.AddRange(messages);
        db.Contacts.AddRange(contacts.Values);
        await db.SaveChangesAsync();
    }

    private static Message Build(int i)
    {
        var at = Now.AddMinutes(-i);
        var id = Guid.CreateVersion7(at);
        var contact = $"+1415555{i / 50 % 50:D4}";
        switch (i % 50)
        {
            case 0:
                var details = new InboundDetails("text", [], null, null, null, null, new Dictionary<string, string> { ["Body"] = "where is my order" });
                return Message.CreateInbound(id, contact, OurNumber, $"in-{i}", MessageType.Text, MessageContent.ForText("where is my order"), details, at);
            case 1:
                var template = Message.CreateOutbound(id, OurNumber, contact, MessageType.Template,
                    new MessageContent(Template: new TemplateContent(TemplateName, "en", null)), "seed", at);
                return Sent(template, i, at);
            case 2:
                var failed = Message.CreateOutbound(id, OurNumber, contact, MessageType.Text, MessageContent.ForText("Your order shipped"), "seed", at);
                failed.MarkSending(at);
                failed.MarkFailed(ErrorCode, "Not a WhatsApp number", at);
                return failed;
            case 3:
                return Message.CreateOutbound(id, OurNumber, contact, MessageType.Media, MessageContent.ForMedia("https://example.com/a.jpg", null), "seed", at);
            default:
                return Sent(Message.CreateOutbound(id, OurNumber, contact, MessageType.Text, MessageContent.ForText("Thanks for your order"), "seed", at), i, at);
        }
    }

    private static Message Sent(Message message, int i, DateTimeOffset at)
    {
        message.MarkSending(at);
        message.MarkSent($"out-{i}", at);
        return message;
    }
}
