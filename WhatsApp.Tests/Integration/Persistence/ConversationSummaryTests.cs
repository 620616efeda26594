using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Tests.Builders;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>The summary upsert in SQL keeps each contact exactly as the domain's <see cref="Contact.Record"/> would.</summary>
[TestFixture]
public sealed class ConversationSummaryTests : DatabaseFixture
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    // SQLite stores 100 ns ticks as text, where ".1234567" and ".123456" differ in length; PostgreSQL keeps microseconds.
    private static readonly long SubMicrosecondTicks = TestPostgres.Enabled ? 1234570 : 1234567;

    [Test]
    public async Task Add_MessagesInAndOutOfOrder_StoredSummaryEqualsTheDomainsRecordOfEveryMessage()
    {
        const string contact = "+14155552671";
        var messages = new[]
        {
            Outbound(contact, "+14155550100", T0),
            Inbound(contact, "+14155550101", T0.AddSeconds(5)),
            Inbound(contact, "+14155550100", T0.AddSeconds(2)), // late webhook: must not move the window back
            Outbound(contact, "+14155550101", T0.AddSeconds(1)), // older than the latest: not the last message
            Outbound(contact, "+14155550100", T0.AddSeconds(5)), // same instant as the latest: becomes the last
            Inbound(contact, "+14155550100", T0.AddMinutes(1).AddTicks(SubMicrosecondTicks)),
            Outbound(contact, "+14155550101", T0.AddMinutes(1).AddTicks(1234560)),
        };

        Contact? expected = null;
        foreach (var message in messages)
        {
            await Database.UnitOfWork.StoreSendAsync(message);
            expected ??= Contact.For(message);
            expected.Record(message);

            var stored = await StoredAsync(contact);
            Assert.That(stored, Is.EqualTo(Describe(expected)), $"after the message at {message.CreatedAt:O}");
        }
    }

    [Test]
    public async Task Add_TwoContactsInOneBatch_EachSummaryCountsOnlyItsOwnMessages()
    {
        var writes = Enumerable.Range(0, 40)
            .Select(i => i % 2 == 0 ? Outbound("+14155552671", "+14155550100", T0.AddSeconds(i)) : Inbound("+14155552672", "+14155550100", T0.AddSeconds(i)))
            .Select(m => Database.UnitOfWork.StoreSendAsync(m));

        await Task.WhenAll(writes);

        await using var db = Database.CreateDbContext();
        var contacts = await db.Contacts.AsNoTracking().OrderBy(c => c.Number).ToListAsync();
        Assert.That(contacts.Select(c => (c.Number, c.InboundCount, c.OutboundCount)), Is.EqualTo(new[]
        {
            ("+14155552671", 0, 20),
            ("+14155552672", 20, 0),
        }));
    }

    private static Message Outbound(string contact, string ours, DateTimeOffset at) =>
        new MessageBuilder().WithId(Guid.CreateVersion7(at)).From(ours).To(contact).CreatedAt(at).Build();

    private static Message Inbound(string contact, string ours, DateTimeOffset at) =>
        Message.CreateInbound(Guid.CreateVersion7(at), contact, ours, $"wamid-{Guid.NewGuid():N}", MessageType.Text,
            new MessageContent(Text: "hi"), new InboundDetails("text", [], null, null, null, null, new Dictionary<string, string>()), at);

    private async Task<string> StoredAsync(string number)
    {
        await using var db = Database.CreateDbContext();
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Number == number);
        return Describe(contact);
    }

    private static string Describe(Contact c) =>
        $"{c.Number} ours={c.OurNumber} first={c.FirstSeenAt:O} lastInbound={c.LastInboundAt:O} last={c.LastMessageId}@{c.LastMessageAt:O} " +
        $"in={c.InboundCount} out={c.OutboundCount} failed={c.FailedCount}";
}
