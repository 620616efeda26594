using Microsoft.EntityFrameworkCore;
using Moq;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;
using WhatsApp.Infrastructure.History;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Tests.Builders;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// Text search through the trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL) answers exactly what the plain
/// substring scan answers, on seeded data in many scripts and cases, and stays in step with erasure. On SQLite the
/// index is filled behind the writes (<see cref="SearchIndexWorker"/>): each test runs with none, part or all of the
/// messages indexed (a count; PostgreSQL indexes every message as it is stored).
/// </summary>
[TestFixture]
public sealed class TextSearchIndexTests : DatabaseFixture
{
    private static readonly string[] Bodies =
    [
        "Where is my ORDER ZX-48213?", "order zx-48213 arrived, thanks", "Ünïcödé Straße ÅNGSTRÖM", "straße und weg",
        "Привет, где мой заказ?", "заказ 77", "注文番号 12345 です", "🎉🎉 party 🎉", "100% sure_thing \\ back\"slash\"",
        "ab", "aaaa", "Ordinary text about orders", "İstanbul ıi", "ǅemal", "tab\there", "new\nline order",
    ];

    private static readonly string[] Needles =
    [
        "order", "ORDER", "zx-48213", "ZX-48213?", "straße", "STRASSE", "ångström", "привет", "заказ", "注文番号", "12345",
        "🎉🎉", "🎉", "100%", "_th", "% s", "\\ b", "\"slash\"", "ab", "a", "aaa", "aaaaa", "nothing-like-this", "ordinary text",
        "istanbul", "i̇stanbul", "ǆemal", "tab\th", "w\nl", "re", "rder z", "ers",
    ];

    [Test]
    public async Task Search_ThroughTheIndex_FindsExactlyWhatTheSubstringScanFinds([Values(0, 150, int.MaxValue)] int indexed)
    {
        await SeedAsync(Bodies.Length * 20);
        await IndexAsync(indexed);
        var reader = new HistoryReader(Database);
        foreach (var needle in Needles)
        {
            var expected = await ScanAsync(needle);
            var found = (await reader.SearchAsync(new MessageFilter { Text = needle }, null, 1000, default)).Select(m => m.Id).ToList();
            Assert.That(found, Is.EqualTo(expected), $"'{needle}'");
        }
    }

    [Test]
    public async Task Search_ANeedleInMoreMessagesThanTheIndexCap_StillFindsTheNewestPageAndPagesOn([Values(0, int.MaxValue)] int indexed)
    {
        await SeedAsync(TextIndex.Cap + 200, ["Where is my order?"]);
        await IndexAsync(indexed);
        var reader = new HistoryReader(Database);
        var expected = await ScanAsync("order");
        Assert.That(expected, Has.Count.GreaterThan(TextIndex.Cap), "the needle is common");

        var first = await reader.SearchAsync(new MessageFilter { Text = "order" }, null, 50, default);
        var second = await reader.SearchAsync(new MessageFilter { Text = "order" }, new MessageCursor(first[^1].Id), 50, default);
        Assert.That(first.Concat(second).Select(m => m.Id), Is.EqualTo(expected.Take(100)));
    }

    [Test]
    public async Task Search_AfterTheContactIsErased_NoLongerFindsItsText([Values(0, 5, int.MaxValue)] int indexedFirst)
    {
        await SeedAsync(Bodies.Length);
        await IndexAsync(indexedFirst);
        var reader = new HistoryReader(Database);
        var contact = (await reader.SearchAsync(new MessageFilter { Text = "zx-48213" }, null, 10, default))[0].Contact;

        await new ContentErasure(Database.UnitOfWork, Mock.Of<IErasureObserver>(), TimeProvider.System).EraseContactAsync(contact, null, default);
        await IndexAsync(int.MaxValue);
        await AssertIndexIntactAsync();

        var after = await reader.SearchAsync(new MessageFilter { Text = "zx-48213" }, null, 10, default);
        await using var db = Database.CreateDbContext();
        var erasedIds = await db.Messages.Where(m => m.Contact == contact).Select(m => m.Id).ToListAsync();
        var indexed = await TextIndex.CandidatesAsync(db, "zx-48213", default);
        Assert.Multiple(() =>
        {
            Assert.That(after.Where(m => m.Contact == contact), Is.Empty);
            Assert.That(indexed, Is.Not.Null.And.Not.Empty, "the other contact's message is still indexed");
            Assert.That(indexed!.Intersect(erasedIds), Is.Empty, "the index no longer holds the erased text");
        });
    }

    // SQLite: the first `count` messages not yet indexed are indexed, as the worker's rounds would.
    private async Task IndexAsync(int count)
    {
        if (!TestPostgres.Enabled && count > 0)
        {
            await SearchIndexWorker.IndexAsync(Database.Writes, count, default);
        }
    }

    // FTS5's own check of the index's structure. (Its check against the messages themselves, rank 1, counts every
    // message, and messages with no text are never indexed, so it cannot be used here.)
    private async Task AssertIndexIntactAsync()
    {
        if (!TestPostgres.Enabled)
        {
            await using var db = Database.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO MessageSearch(MessageSearch) VALUES ('integrity-check')");
        }
    }

    private async Task<List<Guid>> ScanAsync(string needle)
    {
        // Today's semantics, without the index: the lower-cased body contains the lower-cased needle.
        var lowered = WhatsAppDbContext.SearchTextOf(needle)!;
        await using var db = Database.CreateDbContext();
        var all = await db.Messages.AsNoTracking().ToListAsync();
        return all.Where(m => WhatsAppDbContext.SearchTextOf(m.Content.Text)?.Contains(lowered, StringComparison.Ordinal) == true)
            .Select(m => m.Id).OrderDescending().ToList();
    }

    private async Task SeedAsync(int count, string[]? bodies = null)
    {
        bodies ??= Bodies;
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < count; i++)
        {
            var at = start.AddSeconds(i);
            var contact = $"+1415555{i % Bodies.Length:D4}";
            var message = new MessageBuilder().To(contact).WithContent(MessageType.Text, MessageContent.ForText(bodies[i % bodies.Length]))
                .WithId(Guid.CreateVersion7(at)).CreatedAt(at).Build();
            await Database.UnitOfWork.ExecuteAsync(
                async (writes, ct) =>
                {
                    await writes.TryAddMessageAsync(message, ct);
                    var summary = await writes.FindContactAsync(contact, ct);
                    if (summary is null)
                    {
                        summary = Contact.For(message);
                        summary.Record(message);
                        await writes.AddContactAsync(summary, ct);
                    }

                    return true;
                },
                default);
        }
    }
}
