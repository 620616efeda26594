using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.History;
using WhatsApp.Tests.Builders;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// SQLite's search index is filled behind the writes: a round indexes the next messages past the watermark and moves it,
/// so the index holds each message once and search reads only the rest directly.
/// </summary>
[TestFixture]
[Category(TestPostgres.SqliteOnly)] // FTS5 and its watermark are SQLite's; PostgreSQL's GIN index is kept by every insert.
public sealed class SearchIndexWorkerTests : DatabaseFixture
{
    [Test]
    public async Task IndexRounds_FillTheIndexInOrder_AndMoveTheWatermarkPastEachMessageOnce()
    {
        for (var i = 0; i < 7; i++)
        {
            var message = new MessageBuilder().WithContent(MessageType.Text, MessageContent.ForText($"parcel number {i}")).Build();
            await Database.UnitOfWork.ExecuteAsync((writes, ct) => writes.TryAddMessageAsync(message, ct), default);
        }

        var before = await IndexedAsync("parcel");
        var rounds = new[]
        {
            await SearchIndexWorker.IndexAsync(Database.Writes, 5, default),
            await SearchIndexWorker.IndexAsync(Database.Writes, 5, default),
            await SearchIndexWorker.IndexAsync(Database.Writes, 5, default),
        };

        await using var db = Database.CreateDbContext();
        var watermark = await db.Database.SqlQuery<long>($"SELECT IndexedThrough AS Value FROM SearchIndexState").SingleAsync();
        var last = await db.Database.SqlQuery<long>($"SELECT max(rowid) AS Value FROM Messages").SingleAsync();
        var after = await IndexedAsync("parcel");
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero, "nothing is indexed by the write that stores a message");
            Assert.That(rounds, Is.EqualTo(new[] { 5, 2, 0 }));
            Assert.That(after, Is.EqualTo(7), "each message indexed once");
            Assert.That(watermark, Is.EqualTo(last));
        });
    }

    // Messages the FTS5 index itself matches, without the direct read of the unindexed ones.
    private async Task<int> IndexedAsync(string needle)
    {
        await using var db = Database.CreateDbContext();
        return await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM MessageSearch WHERE MessageSearch MATCH {needle}").SingleAsync();
    }
}
