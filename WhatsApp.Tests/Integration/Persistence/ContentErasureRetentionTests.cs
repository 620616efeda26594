using Microsoft.EntityFrameworkCore;
using Moq;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;
using static WhatsApp.Tests.Integration.Persistence.ErasureTestData;

namespace WhatsApp.Tests.Integration.Persistence;

[TestFixture]
public sealed class ContentErasureRetentionTests : DatabaseFixture
{
    private const string Contact = "+14155552671";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Cutoff = Now.AddDays(-30);

    [Test]
    public async Task EraseOlderThan_MixedAges_ErasesOnlyContentOlderThanTheCutoff()
    {
        var oldText = SentText(Contact, Cutoff.AddSeconds(-1));
        var oldInbound = InboundMediaReply(Contact, Cutoff.AddDays(-5));
        var recentText = SentText(Contact, Cutoff.AddSeconds(1));
        var oldReceipt = Receipt(Contact, Cutoff.AddDays(-1));
        var recentReceipt = Receipt(Contact, Cutoff.AddDays(1));
        await SaveAsync(Database, oldText, oldInbound, recentText, oldReceipt, recentReceipt);

        var result = await Eraser().EraseOlderThanAsync(Cutoff, default);

        var erasedInbound = await LoadAsync(Database, oldInbound.Id);
        Assert.Multiple(async () =>
        {
            Assert.That((result.Messages, result.WebhookReceipts), Is.EqualTo((2, 1)));
            Assert.That((await LoadAsync(Database, oldText.Id)).Content, Is.EqualTo(new MessageContent()));
            Assert.That(await SearchTextAsync(Database, oldText.Id), Is.Null);
            Assert.That(erasedInbound.Content, Is.EqualTo(new MessageContent()));
            Assert.That(erasedInbound.Inbound!.RawFields, Is.Empty);
            Assert.That(erasedInbound.Inbound.ContentType, Is.EqualTo("image"));
            Assert.That((await LoadAsync(Database, recentText.Id)).Content.Text, Is.EqualTo(Secret));
            Assert.That(await SearchTextAsync(Database, recentText.Id), Is.EqualTo(Secret));
            Assert.That((await LoadReceiptAsync(Database, oldReceipt.Id)).Fields, Is.Empty);
            Assert.That((await LoadReceiptAsync(Database, recentReceipt.Id)).Fields, Is.EqualTo(recentReceipt.Fields));
        });
    }

    [Test]
    public async Task EraseOlderThan_QueuedMessage_KeepsItsContentForTheDispatcher()
    {
        var queued = Queued(Contact, Cutoff.AddDays(-1));
        await SaveAsync(Database, queued);

        var result = await Eraser().EraseOlderThanAsync(Cutoff, default);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Messages, Is.Zero);
            Assert.That((await LoadAsync(Database, queued.Id)).Content.Text, Is.EqualTo(Secret));
        });
    }

    [Test]
    public async Task EraseOlderThan_Twice_SecondErasesNothing()
    {
        await SaveAsync(Database, SentText(Contact, Cutoff.AddDays(-1)), InboundReaction(Contact, Cutoff.AddDays(-1)), Receipt(Contact, Cutoff.AddDays(-1), "GET"));

        var first = await Eraser().EraseOlderThanAsync(Cutoff, default);
        var second = await Eraser().EraseOlderThanAsync(Cutoff, default);

        Assert.Multiple(() =>
        {
            Assert.That((first.Messages, first.WebhookReceipts), Is.EqualTo((2, 1)));
            Assert.That((second.Messages, second.WebhookReceipts), Is.EqualTo((0, 0)));
        });
    }

    [Test]
    public async Task EraseOlderThan_MoreRowsThanOneBatch_ErasesThemAllBatchByBatch()
    {
        var old = Enumerable.Range(1, 10).Select(i => (object)SentText(Contact, Cutoff.AddMinutes(-i)));
        var receipts = Enumerable.Range(1, 7).Select(i => (object)Receipt(Contact, Cutoff.AddMinutes(-i)));
        await SaveAsync(Database, [.. old, .. receipts, SentText(Contact, Now)]);

        var result = await Eraser(batchSize: 3).EraseOlderThanAsync(Cutoff, default);

        await using var db = Database.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That((result.Messages, result.WebhookReceipts), Is.EqualTo((10, 7)));
            Assert.That(await db.Messages.CountAsync(m => m.Content.Text != null), Is.EqualTo(1));
        });
    }

    private ContentErasure Eraser(int batchSize = ContentErasure.DefaultBatchSize) =>
        new(Database.UnitOfWork, Mock.Of<IErasureObserver>(), TimeProvider.System, batchSize);
}
