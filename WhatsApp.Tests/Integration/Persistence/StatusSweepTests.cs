using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// A status report committed at the moment its message's provider id was stored, so that neither side applied it
/// (the PostgreSQL race), is applied by the sweep, once however many instances sweep.
/// </summary>
[TestFixture]
public sealed class StatusSweepTests
{
    private const string Contact = "+14155552671";
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _database = await TestDatabase.CreateAsync();
        _time = new FakeTimeProvider(Start);
    }

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task Sweep_ReportMissedByTheRace_AppliedOnceItIsACoupleOfSecondsOld()
    {
        var message = await SentAsync("prov-race");
        await MissedReportAsync("prov-race", MessageStatus.Delivered);

        _time.Advance(TimeSpan.FromSeconds(0.5));
        var young = await Sweep().SweepAsync(default);
        _time.Advance(TimeSpan.FromSeconds(3));
        var swept = await Sweep().SweepAsync(default);
        var again = await Sweep().SweepAsync(default);

        var stored = await LoadAsync(message.Id);
        var history = await new MessageRepository(_database).GetStatusHistoryAsync(message.Id, default);
        Assert.Multiple(() =>
        {
            Assert.That((young, swept, again), Is.EqualTo((0, 1, 0)), "left to the paths it raced while young, then applied once");
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Delivered));
            Assert.That(stored.UpdatedAt, Is.EqualTo(_time.GetUtcNow()));
            Assert.That(history.Select(e => (e.Status, e.Applied)), Is.EqualTo(new[] { (MessageStatus.Delivered, true) }), "on the message's timeline");
        });
    }

    [Test]
    public async Task Sweep_TwoInstancesAtOnce_AFailureReportChangesTheMessageAndItsContactOnce()
    {
        var message = await SentAsync("prov-failed");
        await MissedReportAsync("prov-failed", MessageStatus.Failed, "131026");
        _time.Advance(TimeSpan.FromSeconds(3));

        await Task.WhenAll(Sweep().SweepAsync(default), Sweep().SweepAsync(default));
        await Sweep().SweepAsync(default);

        var stored = await LoadAsync(message.Id);
        await using var db = _database.CreateDbContext();
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Number == Contact);
        var events = await db.StatusEvents.AsNoTracking().Where(e => e.ProviderMessageId == "prov-failed").ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That((stored.Status, stored.ErrorCode), Is.EqualTo((MessageStatus.Failed, "131026")));
            Assert.That(contact.FailedCount, Is.EqualTo(1), "the failure counted once");
            Assert.That(events.Select(e => (e.MessageId, e.Applied)), Is.EqualTo(new[] { ((Guid?)message.Id, true) }));
        });
    }

    [Test]
    public async Task Sweep_ReportForAnUnknownProviderId_StaysUnappliedWithoutError()
    {
        await SentAsync("prov-known");
        await MissedReportAsync("prov-unknown", MessageStatus.Delivered);
        _time.Advance(TimeSpan.FromSeconds(3));

        var swept = await Sweep().SweepAsync(default);

        await using var db = _database.CreateDbContext();
        var report = await db.StatusEvents.AsNoTracking().SingleAsync(e => e.ProviderMessageId == "prov-unknown");
        Assert.Multiple(() =>
        {
            Assert.That(swept, Is.Zero);
            Assert.That((report.Applied, report.MessageId), Is.EqualTo((false, (Guid?)null)));
        });
    }

    private StatusSweepWorker Sweep() => new(_database, _database.UnitOfWork, _time, NullLogger<StatusSweepWorker>.Instance);

    // Sent the way the dispatcher sends: claimed, marked as sending, its outcome (with Plivo's uuid) saved.
    private async Task<Message> SentAsync(string providerId)
    {
        var message = Message.CreateOutbound(Guid.CreateVersion7(Start), "+14155550100", Contact, MessageType.Text, MessageContent.ForText("hi"), "tests", Start);
        await _database.UnitOfWork.StoreSendAsync(message);
        var outbox = new OutboxStore(_database.UnitOfWork, Options.Create(new DispatchOptions()), _time);
        var claimed = (await outbox.ClaimDueAsync(1, default)).Single();
        claimed.MarkSending(_time.GetUtcNow());
        Assert.That(await outbox.TryStartSendingAsync(claimed, default), Is.True);
        claimed.MarkSent(providerId, _time.GetUtcNow());
        await outbox.SaveOutcomeAsync(claimed, default);
        return claimed;
    }

    // Stored after the outcome looked for waiting reports, and not applied by its own path: what the race leaves.
    private async Task MissedReportAsync(string providerId, MessageStatus status, string? errorCode = null)
    {
        var report = new StatusReport(providerId, status, "2", _time.GetUtcNow(), errorCode, errorCode is null ? null : "undeliverable", null);
        await using var db = _database.CreateDbContext();
        db.StatusEvents.Add(MessageStatusEvent.From(report, Guid.CreateVersion7(_time.GetUtcNow()), _time.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private async Task<Message> LoadAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
