using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Tests.Integration.Seed;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Integration.Persistence;

[TestFixture]
public sealed class MessageRepositoryTests : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Add_TemplateAndInteractiveContent_RoundTripsThroughJsonColumns()
    {
        var repository = new MessageRepository(Database);
        var template = new TemplateContent("order_update", "en_US",
        [
            new TemplateComponent("body", null, null, [new TemplateParameter("text", Text: "A-1042")]),
            new TemplateComponent("button", "quick_reply", "0", [new TemplateParameter("payload", Payload: "track")]),
            new TemplateComponent("body", null, null, [new TemplateParameter("currency", Currency: new TemplateCurrency("$12.99", "USD", 12990))]),
        ]);
        var message = Message.CreateOutbound(Guid.CreateVersion7(Now), "+14155550100", "+14155552671", MessageType.Template,
            new MessageContent(Template: template), "tests", Now);

        await Database.UnitOfWork.StoreSendAsync(message);
        var loaded = await repository.FindAsync(message.Id, default);

        Assert.That(loaded, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(loaded!.Content.Template!.Name, Is.EqualTo("order_update"));
            Assert.That(loaded.Content.Template.Components![1].Parameters![0].Payload, Is.EqualTo("track"));
            Assert.That(loaded.Content.Template.Components[2].Parameters![0].Currency!.Amount1000, Is.EqualTo(12990));
            Assert.That(loaded.CreatedAt, Is.EqualTo(Now));
            Assert.That(loaded.Status, Is.EqualTo(MessageStatus.Queued));
        });
    }

    [Test]
    public async Task Add_RowConvertedOffTheWriter_IsTheRowSaveChangesWrites()
    {
        // Every kind of column: JSON content, text, dates, enums, nulls and the search text.
        var template = new TemplateContent("order_update", "en_US",
            [new TemplateComponent("body", null, null, [new TemplateParameter("text", Text: "Ölçü A-1042")])]);
        Message Create(Guid id) => Message.CreateOutbound(id, "+14155550100", "+14155552671", MessageType.Template,
            new MessageContent(Text: "Your ORDER Ölçü", Template: template), "tests", Now);
        var viaRepository = Create(Guid.CreateVersion7(Now));
        var viaEf = Create(Guid.CreateVersion7(Now.AddSeconds(1)));

        await Database.UnitOfWork.StoreSendAsync(viaRepository);
        await using (var db = Database.CreateDbContext())
        {
            db.Messages.Add(viaEf);
            await db.SaveChangesAsync();
        }

        await using var read = Database.CreateDbContext();
        var (columns, rows) = await RawRows.ReadAsync(read.Database.GetDbConnection(), "Messages", "Id");
        Assert.That(rows, Has.Count.EqualTo(2));
        var id = Array.IndexOf(columns, "Id");
        Assert.Multiple(() =>
        {
            for (var column = 0; column < columns.Length; column++)
            {
                if (column != id)
                {
                    Assert.That(rows[0][column], Is.EqualTo(rows[1][column]), columns[column]);
                }
            }
        });
    }

    [Test]
    public async Task StoreSend_SameIdempotencyKeyTwice_RefusesTheSecondAndKeepsOnlyTheFirstMessage()
    {
        var repository = new MessageRepository(Database);
        var first = NewMessage();
        var second = NewMessage();
        await Database.UnitOfWork.StoreSendAsync(first, new IdempotencyRecord("client", "key-1", "fp", first.Id, Now));

        Assert.That(await Database.UnitOfWork.StoreSendAsync(second, new IdempotencyRecord("client", "key-1", "fp", second.Id, Now)), Is.False);
        Assert.That(await repository.FindAsync(second.Id, default), Is.Null, "the message must not be stored without its key");
    }

    [Test]
    public async Task Purge_RecordsOlderThanCutoff_AreDeletedAndNewerKept()
    {
        var store = new IdempotencyStore(Database);
        var old = NewMessage();
        var recent = NewMessage();
        await Database.UnitOfWork.StoreSendAsync(old, new IdempotencyRecord("client", "old", "fp", old.Id, Now.AddHours(-25)));
        await Database.UnitOfWork.StoreSendAsync(recent, new IdempotencyRecord("client", "recent", "fp", recent.Id, Now.AddHours(-23)));

        var purged = await store.PurgeAsync(Now.AddHours(-24), default);

        Assert.Multiple(async () =>
        {
            Assert.That(purged, Is.EqualTo(1));
            Assert.That(await store.FindAsync("client", "old", default), Is.Null);
            Assert.That(await store.FindAsync("client", "recent", default), Is.Not.Null);
        });
    }

    private static Message NewMessage() =>
        Message.CreateOutbound(Guid.CreateVersion7(Now), "+14155550100", "+14155552671", MessageType.Text, MessageContent.ForText("Hi"), "tests", Now);
}
