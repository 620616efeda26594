using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Tests.Integration.Seed;

namespace WhatsApp.Tests.Integration.Persistence;

[TestFixture]
public sealed class MessageRepositoryTests : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Add_TemplateAndInteractiveContent_RoundTripsThroughJsonColumns()
    {
        var repository = new MessageRepository(Database, Database.UnitOfWork);
        var template = new TemplateContent("order_update", "en_US",
        [
            new TemplateComponent("body", null, null, [new TemplateParameter("text", Text: "A-1042")]),
            new TemplateComponent("button", "quick_reply", "0", [new TemplateParameter("payload", Payload: "track")]),
            new TemplateComponent("body", null, null, [new TemplateParameter("currency", Currency: new TemplateCurrency("$12.99", "USD", 12990))]),
        ]);
        var message = Message.CreateOutbound(Guid.CreateVersion7(Now), "+14155550100", "+14155552671", MessageType.Template,
            new MessageContent(Template: template), "tests", Now);

        await repository.AddAsync(message, null, default);
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

        await new MessageRepository(Database, Database.UnitOfWork).AddAsync(viaRepository, null, default);
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
    public async Task Add_SameIdempotencyKeyTwice_ThrowsDuplicateAndKeepsOnlyTheFirstMessage()
    {
        var repository = new MessageRepository(Database, Database.UnitOfWork);
        var first = NewMessage();
        var second = NewMessage();
        await repository.AddAsync(first, new IdempotencyRecord("client", "key-1", "fp", first.Id, Now), default);

        Assert.ThrowsAsync<DuplicateIdempotencyKeyException>(
            () => repository.AddAsync(second, new IdempotencyRecord("client", "key-1", "fp", second.Id, Now), default));
        Assert.That(await repository.FindAsync(second.Id, default), Is.Null, "the message must not be stored without its key");
    }

    [Test]
    public async Task Purge_RecordsOlderThanCutoff_AreDeletedAndNewerKept()
    {
        var repository = new MessageRepository(Database, Database.UnitOfWork);
        var store = new IdempotencyStore(Database);
        var old = NewMessage();
        var recent = NewMessage();
        await repository.AddAsync(old, new IdempotencyRecord("client", "old", "fp", old.Id, Now.AddHours(-25)), default);
        await repository.AddAsync(recent, new IdempotencyRecord("client", "recent", "fp", recent.Id, Now.AddHours(-23)), default);

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
