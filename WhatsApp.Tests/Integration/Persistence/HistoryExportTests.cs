using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.History;
using WhatsApp.Tests.Integration.Persistence.QueryPlans;

namespace WhatsApp.Tests.Integration.Persistence;

[TestFixture]
public sealed class HistoryExportTests : DatabaseFixture
{
    // Sent is most of the seed, so the export crosses several of its internal pages.
    [Test]
    public async Task Export_SeveralStatuses_IsEveryMatchingMessageNewestFirstOnce()
    {
        await PlanSeed.SeedAsync(Database);
        MessageStatus[] statuses = [MessageStatus.Failed, MessageStatus.Sent];
        List<Guid> expected;
        await using (var db = Database.CreateDbContext())
        {
            expected = (await db.Messages.Where(m => statuses.Contains(m.Status)).Select(m => m.Id).ToListAsync())
                .OrderDescending().ToList();
        }

        var exported = await new HistoryReader(Database).ExportAsync(new MessageFilter { Statuses = statuses }, default)
            .Select(m => m.Id).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(expected, Has.Count.GreaterThan(1000));
            Assert.That(exported, Is.EqualTo(expected));
        });
    }
}
