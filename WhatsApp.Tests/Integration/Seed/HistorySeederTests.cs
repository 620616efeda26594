using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Persistence.Configurations;
using WhatsApp.Seed;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Seed;

[TestFixture]
[Category(TestPostgres.SqliteOnly)] // the seeder writes SQLite files.
public sealed class HistorySeederTests
{
    private static readonly SeedOptions Options = new() { Messages = 2_000, Contacts = 200, Senders = 2, Days = 90, Seed = 7 };
    private SeededDatabase _database = null!;
    private List<Message> _messages = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _database = await SeededDatabase.CreateAsync(Options);
        await using var db = _database.CreateDbContext();
        _messages = await db.Messages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [OneTimeTearDown]
    public async Task Delete() => await _database.DisposeAsync();

    [Test]
    public async Task Seed_SmallHistory_WritesTheRequestedCounts()
    {
        await using var db = _database.CreateDbContext();

        Assert.Multiple(async () =>
        {
            Assert.That(_database.Report.Messages, Is.EqualTo(2_000));
            Assert.That(await db.Messages.CountAsync(), Is.EqualTo(2_000));
            Assert.That(await db.Contacts.CountAsync(), Is.EqualTo(200));
            Assert.That(await db.StatusEvents.CountAsync(), Is.EqualTo(_database.Report.StatusEvents).And.GreaterThan(0));
            Assert.That(await db.Messages.Select(m => m.Contact).Distinct().CountAsync(), Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Seed_EveryContact_SummaryMatchesAggregatesOverItsMessages()
    {
        await using var db = _database.CreateDbContext();
        var counted = await db.Messages.GroupBy(m => m.Contact).Select(g => new
        {
            Contact = g.Key,
            Inbound = g.Count(m => m.Direction == MessageDirection.Inbound),
            Outbound = g.Count(m => m.Direction == MessageDirection.Outbound),
            Failed = g.Count(m => m.Direction == MessageDirection.Outbound && (m.Status == MessageStatus.Failed || m.Status == MessageStatus.Undelivered)),
            LastId = g.Max(m => m.Id),
        }).ToDictionaryAsync(a => a.Contact);
        var contacts = await db.Contacts.AsNoTracking().ToListAsync();

        Assert.That(contacts.Select(c => c.Number), Is.EquivalentTo(counted.Keys));
        Assert.Multiple(() =>
        {
            foreach (var contact in contacts)
            {
                var aggregate = counted[contact.Number];
                var history = _messages.Where(m => m.Contact == contact.Number).ToList();
                var last = history[^1];
                Assert.That((contact.InboundCount, contact.OutboundCount, contact.FailedCount), Is.EqualTo((aggregate.Inbound, aggregate.Outbound, aggregate.Failed)), contact.Number);
                Assert.That(contact.LastMessageId, Is.EqualTo(aggregate.LastId).And.EqualTo(last.Id), contact.Number);
                Assert.That(contact.LastMessageAt, Is.EqualTo(last.CreatedAt), contact.Number);
                Assert.That(contact.FirstSeenAt, Is.EqualTo(history[0].CreatedAt), contact.Number);
                Assert.That(contact.LastInboundAt, Is.EqualTo(history.LastOrDefault(m => m.Direction == MessageDirection.Inbound)?.CreatedAt), contact.Number);
                Assert.That(contact.OurNumber, Is.EqualTo(last.Direction == MessageDirection.Inbound ? last.To : last.From), contact.Number);
            }
        });
    }

    [Test]
    public void Seed_Ids_AreVersion7AndAscendWithCreatedAt()
    {
        Assert.Multiple(() =>
        {
            for (var i = 0; i < _messages.Count; i++)
            {
                var message = _messages[i];
                Assert.That(message.Id.Version, Is.EqualTo(7));
                Assert.That(TimestampOf(message.Id), Is.EqualTo(message.CreatedAt.ToUnixTimeMilliseconds()));
                if (i > 0)
                {
                    Assert.That(message.CreatedAt, Is.GreaterThan(_messages[i - 1].CreatedAt), $"row {i}");
                }
            }

            Assert.That(_messages[^1].CreatedAt, Is.LessThan(SeededDatabase.Until.AddSeconds(1)));
            Assert.That(_messages[0].CreatedAt, Is.GreaterThanOrEqualTo(SeededDatabase.Until.AddDays(-Options.Days)));
        });
    }

    [Test]
    public async Task Seed_EveryRow_LoadsThroughEfWithConsistentValues()
    {
        await using var db = _database.CreateDbContext();
        var events = await db.StatusEvents.AsNoTracking().ToListAsync();
        var byId = _messages.ToDictionary(m => m.Id);

        Assert.That(_messages, Has.Count.EqualTo(2_000));
        Assert.Multiple(() =>
        {
            foreach (var message in _messages)
            {
                SeededMessageAssertions.AssertConsistent(message);
            }

            foreach (var statusEvent in events)
            {
                var message = byId[statusEvent.MessageId!.Value];
                Assert.That(statusEvent.Applied, Is.True);
                Assert.That(statusEvent.ProviderMessageId, Is.EqualTo(message.ProviderMessageId));
                Assert.That(statusEvent.ReceivedAt, Is.GreaterThan(message.CreatedAt));
            }
        });
    }

    [Test]
    public async Task Seed_Bodies_IncludeNonLatinScriptsAndSearchTextIsTheLowerCasedBody()
    {
        await using var db = _database.CreateDbContext();
        var search = await db.Messages.AsNoTracking()
            .Select(m => new { m.Content.Text, SearchText = EF.Property<string?>(m, MessageConfiguration.SearchText) })
            .ToListAsync();
        var bodies = search.Where(s => s.Text is not null).Select(s => s.Text!).ToList();

        Assert.Multiple(async () =>
        {
            foreach (var (script, first, last) in new[] { ("Cyrillic", 'Ѐ', 'ӿ'), ("Greek", 'Ͱ', 'Ͽ'), ("Arabic", '؀', 'ۿ'), ("Devanagari", 'ऀ', 'ॿ'), ("CJK", '一', '鿿') })
            {
                Assert.That(bodies.Any(b => b.Any(c => c >= first && c <= last)), Is.True, script);
            }

            Assert.That(bodies.Any(b => b.Contains('\ud83d', StringComparison.Ordinal)), Is.True, "emoji");
            Assert.That(search.All(s => s.SearchText == s.Text?.ToLowerInvariant()), Is.True);
            Assert.That(await db.Messages.CountAsync(m => EF.Property<string>(m, MessageConfiguration.SearchText).Contains("заказ")), Is.GreaterThan(0));
        });
    }

    [Test]
    public void Seed_DatabaseThatHoldsMessages_IsRefused()
    {
        Assert.ThrowsAsync<InvalidOperationException>(
            () => new HistorySeeder().SeedAsync(_database.ConnectionString, Options with { Messages = 10, Contacts = 1 }, CancellationToken.None));
    }

    private static long TimestampOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return (long)bytes[0] << 40 | (long)bytes[1] << 32 | (long)bytes[2] << 24 | (long)bytes[3] << 16 | (long)bytes[4] << 8 | bytes[5];
    }
}
